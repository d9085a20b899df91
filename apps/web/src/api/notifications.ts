import { client, ok, type Schemas } from './http';

export type Notification = Schemas['NotificationDto'];

export const notificationsApi = {
  /** The caller's inbox; `unread` counts the whole inbox. */
  list: (query: { unread?: boolean; kind?: string[]; page?: number; pageSize?: number } = {}) =>
    ok(client.GET('/api/v1/notifications', { params: { query } })),
  markRead: (id: string) => ok(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
  readAll: () => ok(client.POST('/api/v1/notifications/read-all')),
};

export const isRead = (n: Notification) => n.read;
