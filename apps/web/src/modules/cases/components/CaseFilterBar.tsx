import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Cascader, Checkbox, DatePicker, Input, Select, Space, TreeSelect } from 'antd';
import { inShanghai, startOfDayInShanghai } from '../../../lib/time';
import { SEVERITIES } from '@ecoloop/workflow';
import { useEffect, useState } from 'react';
import { categoryCascaderOptions, SEVERITY_LABELS, sourceOptions, stateOptions } from '../../../i18n/labels';
import { toTreeOptions, useRegions } from '../hooks/useRegions';
import { useUnits } from '../hooks/useUnits';
import { useUser } from '../../auth/hooks/useSession';
import type { CaseFilters } from '../types';

interface Props {
  value: CaseFilters;
  /** Keys fixed by the worklist tab; shown but not editable. */
  locked?: (keyof CaseFilters)[];
  onChange(next: CaseFilters): void;
  /** Phones: only the search box until 筛选 is tapped. */
  collapsible?: boolean;
}

function categoryPath(category?: string): string[] | undefined {
  if (!category) return undefined;
  const top = category.split('.')[0];
  return category.includes('.') ? [top, category] : [top];
}

export function CaseFilterBar({ value, locked = [], onChange, collapsible }: Props) {
  const { tree } = useRegions();
  const user = useUser();
  const { units } = useUnits(user.regionCode);
  const [q, setQ] = useState(value.q ?? '');
  const [open, setOpen] = useState(false);
  const active = (['state', 'category', 'source', 'severity', 'regionCode', 'leadUnitId', 'createdFrom', 'overdue', 'supervised'] as const).filter(
    (k) => value[k] !== undefined && !locked.includes(k),
  ).length;
  const showAll = !collapsible || open;
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  const is = (k: keyof CaseFilters) => locked.includes(k);
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch });

  return (
    <div className="filter-bar" data-testid="case-filters">
      <Input.Search
        allowClear
        placeholder="搜索编号、标题、地址"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        className="filter-q"
        data-testid="filter-q"
      />
      {collapsible && (
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setOpen((o) => !o)} data-testid="filter-toggle">
            筛选
          </Button>
        </Badge>
      )}
      {showAll && (
        <>
          <Select
            allowClear
            placeholder="状态"
            value={value.state}
            disabled={is('state')}
            options={stateOptions()}
            onChange={(v) => set({ state: v ?? undefined })}
            className="filter-item"
            data-testid="filter-state"
          />
          <Cascader
            changeOnSelect
            allowClear
            placeholder="类别"
            value={categoryPath(value.category)}
            options={categoryCascaderOptions()}
            onChange={(path) => set({ category: path && path.length ? String(path[path.length - 1]) : undefined })}
            className="filter-item"
            data-testid="filter-category"
          />
          <Select
            allowClear
            placeholder="来源"
            value={value.source}
            options={sourceOptions()}
            onChange={(v) => set({ source: v ?? undefined })}
            className="filter-item filter-wide"
            popupMatchSelectWidth={false}
            data-testid="filter-source"
          />
          <Select
            allowClear
            placeholder="严重程度"
            value={value.severity}
            options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
            onChange={(v) => set({ severity: v ?? undefined })}
            className="filter-item"
            data-testid="filter-severity"
          />
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="区域"
            value={value.regionCode}
            treeData={toTreeOptions(tree)}
            treeDefaultExpandAll={false}
            onChange={(v) => set({ regionCode: (v as string | undefined) ?? undefined })}
            className="filter-item filter-wide"
            popupMatchSelectWidth={false}
            data-testid="filter-region"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="牵头单位"
            value={value.leadUnitId}
            disabled={is('leadUnitId')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v) => set({ leadUnitId: v ?? undefined })}
            className="filter-item filter-wide"
            popupMatchSelectWidth={false}
            data-testid="filter-lead-unit"
          />
          <span className="filter-range" data-testid="filter-created">
            <DatePicker.RangePicker
            style={{ width: '100%' }}
            allowEmpty={[true, true]}
            placeholder={['上报起始日', '上报截止日']}
            value={[value.createdFrom ? inShanghai(value.createdFrom) : null, value.createdTo ? inShanghai(value.createdTo).subtract(1, 'day') : null]}
            onChange={(range) =>
              set({
                createdFrom: range?.[0] ? startOfDayInShanghai(range[0]) : undefined,
                createdTo: range?.[1] ? startOfDayInShanghai(range[1].add(1, 'day')) : undefined,
              })
            }
            />
          </span>
          <Space size={12} wrap>
            <Checkbox
              checked={value.overdue === true}
              disabled={is('overdue')}
              onChange={(e) => set({ overdue: e.target.checked ? true : undefined })}
              data-testid="filter-overdue"
            >
              仅超期
            </Checkbox>
            <Checkbox
              checked={value.supervised === true}
              disabled={is('supervised')}
              onChange={(e) => set({ supervised: e.target.checked ? true : undefined })}
              data-testid="filter-supervised"
            >
              仅督办
            </Checkbox>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                const kept: CaseFilters = {};
                for (const k of locked) (kept as Record<string, unknown>)[k] = value[k];
                onChange(kept);
              }}
              data-testid="filter-reset"
            >
              重置
            </Button>
          </Space>
        </>
      )}
    </div>
  );
}
