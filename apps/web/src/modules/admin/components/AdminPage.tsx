import { useAbility } from '@casl/react';
import { Card, Grid, Result, Tabs, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { regionsApi } from '../../../api/regions';
import type { AppAbility } from '../../../lib/ability';
import { useAsync } from '../../../lib/useAsync';
import { resetRegionsCache } from '../../cases/hooks/useRegions';
import { ApiKeysTab } from './ApiKeysTab';
import { CalendarTab } from './CalendarTab';
import { PoliciesTab } from './PoliciesTab';
import { RegionsTab } from './RegionsTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

type Subject = 'User' | 'Unit' | 'Region' | 'DeadlinePolicy' | 'Calendar';

/** The subjects 系统管理 administers; the menu shows when the ability manages any of them. */
export const ADMIN_SUBJECTS: Subject[] = ['User', 'Unit', 'Region', 'DeadlinePolicy', 'Calendar'];

/** 系统管理: users, units, regions, deadline policies and the working-day calendar (admins). */
export function AdminPage() {
  const ability = useAbility<AppAbility>();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const regions = useAsync(['regions'], () => regionsApi.tree());
  const tree = Array.isArray(regions.data) ? regions.data : [];
  const reload = regions.reload;
  const reloadRegions = useCallback(async () => {
    resetRegionsCache();
    await reload();
  }, [reload]);

  const tabs = [
    { key: 'users', subject: 'User' as const, label: '用户', children: <UsersTab tree={tree} isPhone={isPhone} /> },
    { key: 'units', subject: 'Unit' as const, label: '单位', children: <UnitsTab tree={tree} isPhone={isPhone} /> },
    {
      key: 'regions',
      subject: 'Region' as const,
      label: '行政区划',
      children: <RegionsTab tree={tree} loading={regions.loading} onChanged={reloadRegions} />,
    },
    { key: 'policies', subject: 'DeadlinePolicy' as const, label: '办理时限', children: <PoliciesTab isPhone={isPhone} /> },
    { key: 'calendar', subject: 'Calendar' as const, label: '工作日历', children: <CalendarTab isPhone={isPhone} /> },
    { key: 'api-keys', subject: 'ApiKey' as const, label: '设备密钥', children: <ApiKeysTab /> },
  ].filter((t) => ability.can('manage', t.subject));

  if (!tabs.length) return <Result status="403" title="无权访问系统管理" subTitle="请联系管理员" />;
  const active = tabs.find((t) => t.key === params.get('tab'))?.key ?? tabs[0].key;

  return (
    <div className="page" data-testid="page-admin">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          系统管理
        </Typography.Title>
      </div>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={active}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          destroyOnHidden
          items={tabs.map((t) => ({ key: t.key, label: <span data-testid={`admin-tab-${t.key}`}>{t.label}</span>, children: t.children }))}
        />
      </Card>
    </div>
  );
}
