import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAbility } from '@casl/react';
import { Avatar, Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { REGION_LEVEL_SHORT, roleLabel } from '../../../i18n/labels';
import type { AppAbility } from '../../../lib/ability';
import { useSession, useUser } from '../../auth/hooks/useSession';
import { useUnreadCount } from '../../notifications/hooks/useUnreadCount';
import { allowedNav, backTarget, navItemOf, navLabel } from './nav';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { usePageTitle } from '../../../components/usePageTitle';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const user = useUser();
  const { logout } = useSession();
  const ability = useAbility<AppAbility>();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const nav = allowedNav(ability);
  const unread = useUnreadCount(ability.can('read', 'Notification'));

  // A case opened from a list highlights that list (我的待办, 消息通知…), not 案件查询.
  const from = (location.state as { from?: string } | null)?.from;
  const selected = location.pathname.startsWith('/cases/') ? backTarget(from, user.roles).key : navItemOf(location.pathname)?.key;
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={selected ? [selected] : []}
      items={nav.map((i) => ({
        key: i.key,
        icon: i.icon,
        label: <span data-testid={`nav-${i.key}`}>{navLabel(i, user.roles)}</span>,
      }))}
      onClick={({ key }) => {
        const item = nav.find((i) => i.key === key);
        if (item) navigate(item.path);
        setDrawerOpen(false);
      }}
    />
  );

  // Pages that name themselves (a case's code, a list's tab) set their own title; the rest get their menu item's.
  const selfTitled = ['/worklist', '/cases', '/notifications'].some((p) => location.pathname === p || location.pathname.startsWith(`${p}/`));
  const navItem = navItemOf(location.pathname);
  usePageTitle(navItem ? navLabel(navItem, user.roles) : null, !selfTitled);

  const jurisdiction = `${user.regionName ?? user.regionCode}${user.regionLevel ? `（${REGION_LEVEL_SHORT[user.regionLevel] ?? user.regionLevel}）` : ''}`;

  const userMenu = {
    items: [
      {
        key: 'info',
        disabled: true,
        label: (
          <div style={{ maxWidth: 260 }}>
            <div>
              <strong>{user.displayName}</strong>（{user.username}）
            </div>
            <div>角色：{user.roles.map(roleLabel).join('、')}</div>
            <div>辖区：{jurisdiction}</div>
            {user.unitName && <div>单位：{user.unitName}</div>}
          </div>
        ),
      },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">退出登录</span>, danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'logout') {
        logout();
        navigate('/login', { replace: true });
      }
    },
  };

  return (
    <Layout className="app-layout">
      {!isPhone && (
        <Sider width={208} breakpoint="lg" collapsedWidth={64} className="app-sider">
          <div className="app-logo" onClick={() => navigate('/')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>EcoLoop 闭环系统</span>
          </div>
          {menu}
        </Sider>
      )}
      <Layout>
        <Header className="app-header">
          <Space size={8} className="app-header-left">
            {isPhone && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label="菜单"
                onClick={() => setDrawerOpen(true)}
                data-testid="nav-toggle"
              />
            )}
            {isPhone && <span className="app-header-title">EcoLoop</span>}
            {!isPhone && (
              <Typography.Text type="secondary" className="app-header-jurisdiction" data-testid="user-jurisdiction">
                辖区：{jurisdiction}
                {user.unitName ? ` · ${user.unitName}` : ''}
              </Typography.Text>
            )}
          </Space>
          <Space size={isPhone ? 4 : 12}>
            {ability.can('read', 'Notification') && (
              <Badge count={unread} size="small" offset={[-4, 4]}>
                <Button
                  type="text"
                  icon={<BellOutlined />}
                  aria-label="消息通知"
                  onClick={() => navigate('/notifications')}
                  data-testid="header-notifications"
                />
              </Badge>
            )}
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" className="app-user" data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f7a4d' }} />
                <span className="app-user-name" data-testid="user-name">
                  {user.displayName}
                </span>
                {!isPhone &&
                  user.roles.map((r) => (
                    <Tag key={r} color="green" data-testid="user-role">
                      {roleLabel(r)}
                    </Tag>
                  ))}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content className="app-content">
          <Suspense
            fallback={
              <div className="full-center" style={{ minHeight: 240 }}>
                <Spin />
              </div>
            }
          >
            <ErrorBoundary resetKey={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          </Suspense>
        </Content>
      </Layout>
      {isPhone && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          title={
            <div>
              <div>{user.displayName}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {user.roles.map(roleLabel).join('、')} · {jurisdiction}
              </Typography.Text>
            </div>
          }
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
