import { client, download, ok, type Schemas } from './http';

export type UploadedAttachment = Schemas['AttachmentDto'];

export const attachmentsApi = {
  upload(file: Blob, fileName?: string): Promise<UploadedAttachment> {
    const form = new FormData();
    form.append('file', file, fileName ?? (file instanceof File ? file.name : 'photo.jpg'));
    return ok(client.POST('/api/v1/attachments', { body: { file: '' }, bodySerializer: () => form }));
  },
  /** The stored file, fetched with the token (an <img src> could not send it). */
  content: (id: string) => download(client.GET('/api/v1/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' })),
};
