import {
  AlertOutlined,
  AuditOutlined,
  BellOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  MailOutlined,
  PlusCircleOutlined,
  ProfileOutlined,
  RadarChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
  TrophyOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AppAbility } from '../../../lib/ability';

export interface NavItem {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown when the ability allows it (type-level check)… */
  can: [string, string];
  /** …or any of these. */
  orCan?: [string, string][];
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'worklist', path: '/worklist', label: '我的待办', icon: <ProfileOutlined />, can: ['read', 'Case'] },
  { key: 'report', path: '/report', label: '上报问题', icon: <PlusCircleOutlined />, can: ['create', 'Case'] },
  { key: 'petition', path: '/petitions/new', label: '信访登记', icon: <MailOutlined />, can: ['accept_petition', 'Case'] },
  { key: 'cases', path: '/cases', label: '案件查询', icon: <FileSearchOutlined />, can: ['read', 'Case'] },
  { key: 'ledgers', path: '/ledgers', label: '台账管理', icon: <TableOutlined />, can: ['read', 'Ledger'] },
  { key: 'dashboard', path: '/dashboard', label: '领导驾驶舱', icon: <DashboardOutlined />, can: ['read', 'Stats'] },
  { key: 'alerts', path: '/alerts', label: '设备告警', icon: <AlertOutlined />, can: ['read', 'Stats'] },
  { key: 'risk', path: '/risk-warnings', label: '风险预警', icon: <WarningOutlined />, can: ['read', 'RiskWarning'] },
  { key: 'discovery', path: '/discovery', label: '问题发现评价', icon: <RadarChartOutlined />, can: ['read', 'Stats'] },
  { key: 'scorecards', path: '/scorecards', label: '考核排名', icon: <TrophyOutlined />, can: ['read', 'Stats'] },
  { key: 'enterprises', path: '/enterprises', label: '企业健康码', icon: <SafetyCertificateOutlined />, can: ['read', 'Enterprise'] },
  { key: 'credit-repairs', path: '/credit-repairs', label: '信用修复', icon: <AuditOutlined />, can: ['read', 'CreditRepair'] },
  { key: 'notifications', path: '/notifications', label: '消息通知', icon: <BellOutlined />, can: ['read', 'Notification'] },
  {
    key: 'admin',
    path: '/admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    can: ['manage', 'User'],
    orCan: [
      ['manage', 'Unit'],
      ['manage', 'Region'],
      ['manage', 'DeadlinePolicy'],
      ['manage', 'Calendar'],
      ['manage', 'ApiKey'],
    ],
  },
];

export function allowedNav(ability: AppAbility): NavItem[] {
  const can = ability.can as (a: string, s: string) => boolean;
  return NAV_ITEMS.filter((i) => [i.can, ...(i.orCan ?? [])].some(([a, s]) => can.call(ability, a, s)));
}

/** A grid inspector's worklist is what they reported: 我的上报; everyone else's is 我的待办. */
export function worklistLabel(roles: readonly string[]): string {
  return roles.length > 0 && roles.every((r) => r === 'grid_inspector') ? '我的上报' : '我的待办';
}

export function navLabel(item: NavItem, roles: readonly string[]): string {
  return item.key === 'worklist' ? worklistLabel(roles) : item.label;
}

/** The menu item a path belongs to ("/worklist?tab=x" → worklist). */
export function navItemOf(path: string): NavItem | undefined {
  const bare = path.split(/[?#]/)[0];
  return NAV_ITEMS.find((i) => bare === i.path || bare.startsWith(`${i.path}/`));
}

/**
 * Where a case page leads back to: the list it was opened from (kept in the link's state), else
 * 案件查询. `key` is the menu item to highlight.
 */
export function backTarget(from: string | undefined, roles: readonly string[] = []): { path: string; label: string; key: string } {
  const item = from?.startsWith('/') ? navItemOf(from) : undefined;
  if (!item || (item.key === 'cases' && from!.startsWith('/cases/'))) return { path: '/cases', label: '案件查询', key: 'cases' };
  return { path: from!, label: navLabel(item, roles), key: item.key };
}
