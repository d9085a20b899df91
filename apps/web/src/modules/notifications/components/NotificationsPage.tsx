import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Grid, Result, Segmented, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorText } from '../../../api';
import { isRead, notificationsApi, type Notification } from '../../../api/notifications';
import { formatDateTime } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { notifyNotificationsChanged } from '../hooks/useUnreadCount';

const KIND_LABELS: Record<string, string> = {
  dispatched: '新交办',
  assigned: '新交办',
  overdue: '超期提醒',
  reminder: '到期提醒',
  reminder_sent: '到期提醒',
  remind: '催办',
  supervise: '督办',
  auto_supervise: '自动督办',
  returned: '退回',
  rejected: '核查不通过',
  closed: '已销号',
};

export function NotificationsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<'all' | 'unread'>('unread');
  const list = useAsync(() => notificationsApi.list({ pageSize: 100 }), []);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const missing = list.error instanceof ApiError && list.error.isNotFound;

  const read = (n: Notification) => isRead(n) || readIds.has(n.id);
  const items = (list.data?.items ?? []).filter((n) => filter === 'all' || !read(n));
  const unread = (list.data?.items ?? []).filter((n) => !read(n));

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
    } catch {
      await Promise.allSettled(unread.map((n) => notificationsApi.markRead(n.id)));
    }
    setReadIds((s) => new Set([...s, ...unread.map((n) => n.id)]));
    notifyNotificationsChanged();
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
            onChange={(v) => setFilter(v as 'all' | 'unread')}
            options={[
              { value: 'unread', label: `未读 ${unread.length}` },
              { value: 'all', label: '全部' },
            ]}
            data-testid="notifications-filter"
          />
          <Button icon={<CheckOutlined />} disabled={!unread.length} onClick={markAll} data-testid="notifications-read-all">
            全部已读
          </Button>
        </Space>
      </div>
      <Card size="small">
        {list.error && !missing ? (
          <Result status="warning" title="加载失败" subTitle={errorText(list.error)} extra={<Button onClick={list.reload}>重试</Button>} />
        ) : (
          <Spin spinning={list.loading}>
            {items.length === 0 && !list.loading ? (
              <Empty
                image={<BellOutlined style={{ fontSize: 48, color: '#bbb' }} />}
                description={missing ? '消息功能暂未开放' : filter === 'unread' ? '没有未读消息' : '暂无消息'}
              />
            ) : (
              <div className={`notification-list${isPhone ? ' is-phone' : ''}`}>
                {items.map((n) => {
                  const kind = n.kind ?? n.type;
                  return (
                    <div key={n.id} data-testid="notification-item" className={`notification-item ${read(n) ? 'notification-read' : 'notification-unread'}`}>
                      <Badge dot={!read(n)}>
                        <BellOutlined style={{ fontSize: 20, color: '#1f7a4d' }} />
                      </Badge>
                      <div className="notification-main">
                        <div className="notification-title">
                          {kind && KIND_LABELS[kind] && <Typography.Text type="secondary">[{KIND_LABELS[kind]}] </Typography.Text>}
                          {n.title ?? n.caseCode ?? '通知'}
                        </div>
                        <div>{n.body ?? n.message}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(n.createdAt)}
                        </Typography.Text>
                      </div>
                      <Space className="notification-actions" size={12}>
                        {n.caseId && (
                          <a
                            onClick={() => {
                              void markRead(n);
                              navigate(`/cases/${n.caseId}`);
                            }}
                          >
                            查看案件
                          </a>
                        )}
                        {!read(n) && <a onClick={() => markRead(n)}>标为已读</a>}
                      </Space>
                    </div>
                  );
                })}
              </div>
            )}
          </Spin>
        )}
      </Card>
    </div>
  );
}
