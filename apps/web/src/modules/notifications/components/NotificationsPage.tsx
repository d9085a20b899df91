import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Grid, Pagination, Segmented, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../../api';
import { notificationsApi, type Notification } from '../../../api/notifications';
import { LoadError } from '../../../components/LoadError';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatDateTime } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { notifyNotificationsChanged } from '../hooks/useUnreadCount';
import { KIND_LABELS, NOTIFICATION_TABS, plainTitle, tabOf, type NotificationTab } from '../kinds';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  usePageTitle('消息通知');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [tab, setTab] = useState<NotificationTab>('all');
  const [filter, setFilter] = useState<'all' | 'unread'>('unread');
  const [page, setPage] = useState(1);
  const kinds = NOTIFICATION_TABS.find((t) => t.key === tab)?.kinds;
  const list = useAsync(['notifications', tab, filter, page], () =>
    notificationsApi.list({ unread: filter === 'unread' || undefined, kind: kinds, page, pageSize: PAGE_SIZE }),
  );
  const [readIds, setReadIds] = useState<Set<string>>(new Set());

  const read = (n: Notification) => n.read || readIds.has(n.id);
  const items = list.data?.items ?? [];
  const byKind = list.data?.unreadByKind ?? {};
  const unreadOf = (t: NotificationTab) =>
    Object.entries(byKind).reduce((sum, [k, n]) => sum + (t === 'all' || tabOf(k) === t ? n : 0), 0) - (t === 'all' ? readIds.size : 0);

  const markRead = async (n: Notification) => {
    if (read(n)) return;
    try {
      await notificationsApi.markRead(n.id);
      setReadIds((s) => new Set(s).add(n.id));
      notifyNotificationsChanged();
    } catch (e) {
      message.error(`操作失败：${errorText(e)}`);
    }
  };

  const markAll = async () => {
    try {
      await notificationsApi.readAll();
      setReadIds(new Set());
      notifyNotificationsChanged();
      await list.reload();
    } catch (e) {
      message.error(`操作失败：${errorText(e)}`);
    }
  };

  const select = (next: Partial<{ tab: NotificationTab; filter: 'all' | 'unread' }>) => {
    if (next.tab) setTab(next.tab);
    if (next.filter) setFilter(next.filter);
    setPage(1);
    setReadIds(new Set());
  };

  return (
    <div className="page" data-testid="page-notifications">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          消息通知
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={filter}
            onChange={(v) => select({ filter: v as 'all' | 'unread' })}
            options={[
              { value: 'unread', label: list.data ? `未读 ${Math.max(0, (list.data.unread ?? 0) - readIds.size)}` : '未读' },
              { value: 'all', label: '全部' },
            ]}
            data-testid="notifications-filter"
          />
          <Button icon={<CheckOutlined />} disabled={!list.data?.unread} onClick={markAll} data-testid="notifications-read-all">
            全部已读
          </Button>
        </Space>
      </div>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => select({ tab: k as NotificationTab })}
          items={NOTIFICATION_TABS.map((t) => {
            const n = list.data ? unreadOf(t.key) : 0;
            return {
              key: t.key,
              label: (
                <span data-testid={`notifications-tab-${t.key}`}>
                  {t.label}
                  {n > 0 && <Badge count={n} size="small" offset={[6, -2]} data-testid={`notifications-unread-${t.key}`} />}
                </span>
              ),
            };
          })}
        />
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Skeleton active paragraph={{ rows: 6 }} data-testid="notifications-skeleton" />
        ) : items.length === 0 ? (
          <Empty image={<BellOutlined style={{ fontSize: 48, color: '#bbb' }} />} description={filter === 'unread' ? '没有未读消息' : '暂无消息'} />
        ) : (
          <div className={`notification-list${isPhone ? ' is-phone' : ''}`} aria-busy={list.loading}>
            {items.map((n) => (
              <div
                key={n.id}
                data-testid="notification-item"
                data-kind={n.kind}
                className={`notification-item ${read(n) ? 'notification-read' : 'notification-unread'}`}
              >
                <Badge dot={!read(n)}>
                  <BellOutlined style={{ fontSize: 20, color: '#1f7a4d' }} aria-hidden />
                </Badge>
                <div className="notification-main">
                  <div className="notification-title">
                    <Tag color={KIND_LABELS[n.kind]?.color ?? 'default'} data-testid="notification-kind">
                      {KIND_LABELS[n.kind]?.label ?? '通知'}
                    </Tag>
                    <span data-testid="notification-title">{plainTitle(n.title) || n.caseCode || '通知'}</span>
                  </div>
                  <div>{n.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </div>
                <Space className="notification-actions" size={12}>
                  {n.caseId && (
                    <a
                      data-testid="notification-open"
                      onClick={() => {
                        void markRead(n);
                        navigate(`/cases/${n.caseId}`, { state: { from: '/notifications' } });
                      }}
                    >
                      查看案件
                    </a>
                  )}
                  {!read(n) && <a onClick={() => markRead(n)}>标为已读</a>}
                </Space>
              </div>
            ))}
          </div>
        )}
        {(list.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={setPage}
            simple={isPhone}
            showTotal={isPhone ? undefined : (t) => `共 ${t} 条`}
            style={{ textAlign: 'center', marginTop: 12 }}
            data-testid="notifications-pagination"
          />
        )}
      </Card>
    </div>
  );
}
