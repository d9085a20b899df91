import { App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { adminUnitsApi, UNIT_KINDS, type UnitKind } from '../../../api/admin';
import { unitsApi, type RegionNode, type Unit } from '../../../api/regions';
import { UNIT_KIND_LABELS, unitKindLabel } from '../../../i18n/labels';
import { useAsync } from '../../../lib/useAsync';
import { regionNames } from '../../cases/hooks/useRegions';
import { resetUnitsCache } from '../../cases/hooks/useUnits';
import { errorText } from '../../../api';
import { useSaving } from '../../../lib/useSaving';
import { AdminFormModal } from './AdminFormModal';
import { AdminToolbar } from './AdminToolbar';
import { DeactivateButton } from './DeactivateButton';
import { RegionSelect } from './RegionSelect';

const KIND_COLORS: Record<string, string> = {
  bureau: 'green',
  town_office: 'blue',
  department: 'purple',
  external: 'cyan',
  enterprise: 'orange',
};

const kindOptions = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

export function UnitsTab({ tree, isPhone }: { tree: RegionNode[]; isPhone: boolean }) {
  const { message } = App.useApp();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const list = useAsync(['units', regionCode], () => unitsApi.list(regionCode));
  const names = useMemo(() => regionNames(tree), [tree]);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const rows = (list.data ?? []).filter((u) => !q.trim() || u.name.includes(q.trim()));

  const deactivate = async (u: Unit) => {
    try {
      await adminUnitsApi.deactivate(u.id);
      resetUnitsCache();
      message.success(`已停用 ${u.name}`);
      void list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <div data-testid="admin-units">
      <AdminToolbar createText="新增单位" createTestId="unit-create" onCreate={() => setEditing('new')} onReload={list.reload} error={list.error}>
        <Space wrap className="admin-filters">
          <RegionSelect tree={tree} value={regionCode} onChange={setRegionCode} maxLevel="town" allowClear placeholder="全部区划" className="admin-filter" />
          <Input.Search allowClear placeholder="单位名称" onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} className="admin-filter" />
        </Space>
      </AdminToolbar>
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        scroll={{ x: isPhone ? undefined : 640 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个单位`, size: isPhone ? 'small' : undefined }}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'name',
            width: isPhone ? undefined : 220,
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            render: (n: string, u) => (
              <div>
                <span data-testid="unit-name">{n}</span>
                {isPhone && (
                  <div style={{ marginTop: 2 }}>
                    <Tag color={KIND_COLORS[u.kind ?? ''] ?? 'default'}>{unitKindLabel(u.kind)}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {names.get(u.regionCode) ?? u.regionCode}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            hidden: isPhone,
            title: '类型',
            dataIndex: 'kind',
            width: 150,
            filters: kindOptions.map((k) => ({ text: k.label, value: k.value })),
            onFilter: (v, u) => u.kind === v,
            render: (k?: string) => <Tag color={KIND_COLORS[k ?? ''] ?? 'default'}>{unitKindLabel(k)}</Tag>,
          },
          {
            hidden: isPhone,
            title: '所属区划',
            dataIndex: 'regionCode',
            width: 150,
            sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
            render: (c: string) => names.get(c) ?? c,
          },
          {
            title: '操作',
            key: 'op',
            width: isPhone ? 64 : 120,
            render: (_, u) => (
              <Space size={4} wrap>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  编辑
                </Button>
                <DeactivateButton name={u.name} consequence="停用后不能再被交办，已有案件不受影响。" onConfirm={() => deactivate(u)} />
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UnitModal
          editing={editing}
          tree={tree}
          onClose={() => setEditing(null)}
          onSaved={(u, created) => {
            setEditing(null);
            resetUnitsCache();
            message.success(created ? `已新增单位 ${u.name}` : `已保存 ${u.name}`);
            void list.reload();
          }}
        />
      )}
    </div>
  );
}

function UnitModal({ editing, tree, onClose, onSaved }: { editing: Unit | 'new'; tree: RegionNode[]; onClose(): void; onSaved(u: Unit, created: boolean): void }) {
  const [form] = Form.useForm<{ name: string; kind: UnitKind; regionCode: string }>();
  const { saving, error, run } = useSaving();
  const creating = editing === 'new';

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      if (creating) onSaved(await adminUnitsApi.create({ name: v.name.trim(), kind: v.kind, regionCode: v.regionCode }), true);
      else onSaved(await adminUnitsApi.update(editing.id, { name: v.name.trim(), kind: v.kind }), false);
    });
  };

  return (
    <AdminFormModal
      title={creating ? '新增单位' : `编辑单位 · ${editing.name}`}
      okText={creating ? '新增' : '保存'}
      testId="unit"
      saving={saving}
      error={error}
      onOk={submit}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={creating ? { kind: 'town_office' } : { name: editing.name, kind: editing.kind, regionCode: editing.regionCode }}
      >
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 128 }]}>
          <Input placeholder="如：凤桥镇生态办" data-testid="unit-field-name" />
        </Form.Item>
        <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={kindOptions} data-testid="unit-field-kind" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label="所属区划"
          rules={[{ required: true, message: '请选择所属区划' }]}
          extra={creating ? '单位在该区划及上级的案件中可被交办；创建后不能修改' : '所属区划创建后不能修改'}
        >
          <RegionSelect tree={tree} maxLevel="town" disabled={!creating} testId="unit-field-regionCode" />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}
