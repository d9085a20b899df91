// The case list's own settings, kept in this browser: which optional columns show (列设置) and
// named filter sets (常用筛选).
import { DeleteOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Popover, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CaseFilters } from '../types';
import { OPTIONAL_COLUMNS } from './CaseTable';

function readJson<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function useStored<T>(key: string, fallback: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => readJson(key, fallback));
  return [
    value,
    (v: T) => {
      setValue(v);
      try {
        localStorage.setItem(key, JSON.stringify(v));
      } catch {
        /* storage full or off: the setting lasts this visit */
      }
    },
  ];
}

export function useHiddenColumns(userId: string) {
  return useStored<string[]>(`ecoloop.caseColumns.${userId}`, []);
}

export function ColumnSettings({ hidden, onChange }: { hidden: string[]; onChange(next: string[]): void }) {
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列"
      content={
        <Checkbox.Group
          className="column-settings"
          value={OPTIONAL_COLUMNS.map((c) => c.key).filter((k) => !hidden.includes(k))}
          onChange={(shown) => onChange(OPTIONAL_COLUMNS.map((c) => c.key).filter((k) => !shown.includes(k)))}
          options={OPTIONAL_COLUMNS.map((c) => ({ value: c.key, label: c.label }))}
          data-testid="column-settings"
        />
      }
    >
      <Button icon={<SettingOutlined />} data-testid="column-settings-open">
        列设置
      </Button>
    </Popover>
  );
}

interface SavedFilter {
  name: string;
  filters: CaseFilters;
}

export function SavedFilters({ userId, current, onApply }: { userId: string; current: CaseFilters; onApply(f: CaseFilters): void }) {
  const [saved, setSaved] = useStored<SavedFilter[]>(`ecoloop.savedFilters.${userId}`, []);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const empty = Object.values(current).every((v) => v === undefined || v === '');
  const save = () => {
    const n = name.trim();
    if (!n) return;
    setSaved([...saved.filter((s) => s.name !== n), { name: n, filters: current }]);
    setName('');
    setNaming(false);
  };
  return (
    <Space.Compact>
      <Select
        placeholder="常用筛选"
        value={null}
        style={{ width: 140 }}
        notFoundContent={<Typography.Text type="secondary">暂无，设置筛选后可保存</Typography.Text>}
        options={saved.map((s) => ({ value: s.name, label: s.name }))}
        onChange={(n: string) => {
          const f = saved.find((s) => s.name === n);
          if (f) onApply(f.filters);
        }}
        optionRender={(o) => (
          <div className="saved-filter-option">
            <span>{o.label}</span>
            <DeleteOutlined
              aria-label={`删除 ${String(o.label)}`}
              onClick={(e) => {
                e.stopPropagation();
                setSaved(saved.filter((s) => s.name !== o.value));
              }}
            />
          </div>
        )}
        data-testid="saved-filters"
      />
      <Popover
        open={naming}
        onOpenChange={setNaming}
        trigger="click"
        title="保存当前筛选"
        content={
          <Space.Compact>
            <Input value={name} onChange={(e) => setName(e.target.value)} onPressEnter={save} placeholder="名称，如：南湖超期大气" maxLength={20} data-testid="saved-filter-name" />
            <Button type="primary" onClick={save} disabled={!name.trim()} data-testid="saved-filter-save">
              保存
            </Button>
          </Space.Compact>
        }
      >
        <Button icon={<SaveOutlined />} disabled={empty} data-testid="saved-filter-open" aria-label="保存当前筛选" />
      </Popover>
    </Space.Compact>
  );
}
