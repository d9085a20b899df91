import {
  BellOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  PlusCircleOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
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
  { key: 'cases', path: '/cases', label: '案件查询', icon: <FileSearchOutlined />, can: ['read', 'Case'] },
  { key: 'ledgers', path: '/ledgers', label: '台账管理', icon: <TableOutlined />, can: ['read', 'Ledger'] },
  { key: 'dashboard', path: '/dashboard', label: '领导驾驶舱', icon: <DashboardOutlined />, can: ['read', 'Stats'] },
  { key: 'risk', path: '/risk-warnings', label: '风险预警', icon: <WarningOutlined />, can: ['read', 'RiskWarning'] },
  { key: 'enterprises', path: '/enterprises', label: '企业健康码', icon: <SafetyCertificateOutlined />, can: ['read', 'Enterprise'] },
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
    ],
  },
];

export function allowedNav(ability: AppAbility): NavItem[] {
  const can = ability.can as (a: string, s: string) => boolean;
  return NAV_ITEMS.filter((i) => [i.can, ...(i.orCan ?? [])].some(([a, s]) => can.call(ability, a, s)));
}
