import { api } from './index';

export interface UploadedAttachment {
  id: string;
  originalName?: string;
  mime?: string;
  size?: number;
  sha256?: string;
}

export const attachmentsApi = {
  upload(file: Blob, fileName?: string): Promise<UploadedAttachment> {
    const form = new FormData();
    form.append('file', file, fileName ?? (file instanceof File ? file.name : 'photo.jpg'));
    return api.post<UploadedAttachment>('/attachments', form);
  },
  /** The stored file, fetched with the token (an <img src> could not send it). */
  content: (id: string) => api.download(`/attachments/${encodeURIComponent(id)}`),
};
