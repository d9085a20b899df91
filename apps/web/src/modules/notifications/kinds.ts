/** Notification kinds as people read them, and the tabs of the inbox that group them. */
export const KIND_LABELS: Record<string, { label: string; color: string }> = {
  assigned: { label: '新交办', color: 'blue' },
  returned: { label: '退回', color: 'orange' },
  rework: { label: '整改退回', color: 'orange' },
  signoff: { label: '待核查', color: 'cyan' },
  accepted: { label: '已受理', color: 'green' },
  rejected: { label: '不予受理', color: 'default' },
  closed: { label: '已办结', color: 'green' },
  overdue: { label: '超期', color: 'red' },
  auto_supervise: { label: '督办', color: 'volcano' },
  reminder: { label: '到期提醒', color: 'gold' },
  calendar_missing: { label: '系统', color: 'default' },
};

export type NotificationTab = 'all' | 'todo' | 'alarm' | 'result';

export const NOTIFICATION_TABS: { key: NotificationTab; label: string; kinds?: string[] }[] = [
  { key: 'all', label: '全部' },
  { key: 'todo', label: '待办', kinds: ['assigned', 'returned', 'rework', 'signoff'] },
  { key: 'alarm', label: '超期督办', kinds: ['overdue', 'auto_supervise', 'reminder'] },
  { key: 'result', label: '办理结果', kinds: ['accepted', 'rejected', 'closed'] },
];

export function tabOf(kind: string): NotificationTab | null {
  return NOTIFICATION_TABS.find((t) => t.kinds?.includes(kind))?.key ?? null;
}

/** The title without the bracketed tag (【超期】…) the kind tag already shows. */
export function plainTitle(title: string): string {
  return title.replace(/^\s*(【[^】]{1,12}】\s*)+/, '');
}
