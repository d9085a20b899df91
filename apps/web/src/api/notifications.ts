import { api, asList } from './index';

export interface Notification {
  id: string;
  kind?: string;
  type?: string;
  title?: string;
  body?: string;
  message?: string;
  caseId?: string | null;
  caseCode?: string | null;
  readAt?: string | null;
  read?: boolean;
  createdAt: string;
}

export const notificationsApi = {
  /** The caller's inbox; `unread` is the unread count of the whole inbox (when the API sends it). */
  async list(query: { unread?: boolean; page?: number; pageSize?: number } = {}) {
    const data = await api.get<unknown>('/notifications', {
      unread: query.unread === undefined ? undefined : String(query.unread),
      page: query.page,
      pageSize: query.pageSize,
    });
    const unread = data && typeof data === 'object' && 'unread' in data ? Number((data as { unread: unknown }).unread) : undefined;
    return { ...asList<Notification>(data), unread };
  },
  markRead: (id: string) => api.post<unknown>(`/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<{ updated: number }>('/notifications/read-all'),
};

export const isRead = (n: Notification) => Boolean(n.readAt ?? n.read);
