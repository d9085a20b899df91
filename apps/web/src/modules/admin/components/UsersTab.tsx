import type { Role } from '@ecoloop/workflow';
import { App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { adminUsersApi, type AdminUser, type CreateUserInput, type UpdateUserInput } from '../../../api/admin';
import type { RegionNode } from '../../../api/regions';
import { unitsApi } from '../../../api/regions';
import { REGION_LEVEL_SHORT, roleLabel, roleOptions } from '../../../i18n/labels';
import { useAsync } from '../../../lib/useAsync';
import { useUser } from '../../auth/hooks/useSession';
import { regionNames } from '../../cases/hooks/useRegions';
import { errorText } from '../../../api';
import { useSaving } from '../../../lib/useSaving';
import { AdminFormModal } from './AdminFormModal';
import { AdminToolbar } from './AdminToolbar';
import { DeactivateButton } from './DeactivateButton';
import { RegionSelect } from './RegionSelect';

export function UsersTab({ tree, isPhone }: { tree: RegionNode[]; isPhone: boolean }) {
  const me = useUser();
  const { message } = App.useApp();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const list = useAsync(['admin-users', regionCode, q.trim()], () => adminUsersApi.list({ regionCode, q: q.trim() || undefined }));
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);

  const setActive = async (u: AdminUser, active: boolean) => {
    try {
      if (active) await adminUsersApi.update(u.id, { active: true });
      else await adminUsersApi.deactivate(u.id);
      message.success(active ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}`);
      void list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const statusTag = (u: AdminUser) => (u.active === false ? <Tag>停用</Tag> : <Tag color="green">启用</Tag>);
  const roleTags = (roles: Role[]) => (
    <Space size={[0, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color={r === 'admin' ? 'purple' : 'green'}>
          {roleLabel(r)}
        </Tag>
      ))}
    </Space>
  );
  const actions = (u: AdminUser) => (
    <Space size={4} wrap>
      <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
        编辑
      </Button>
      {u.active === false ? (
        <Button type="link" size="small" onClick={() => setActive(u, true)}>
          启用
        </Button>
      ) : (
        <DeactivateButton
          name={u.displayName}
          consequence="停用后该账号不能再登录，已办理的记录保留。"
          onConfirm={() => setActive(u, false)}
          disabledReason={u.id === me.id ? '不能停用自己' : undefined}
        />
      )}
    </Space>
  );
  const desktopColumns: ColumnsType<AdminUser> = [
    {
      title: '用户名',
      dataIndex: 'username',
      width: 170,
      fixed: 'left',
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (v: string) => <span data-testid={`user-row-${v}`}>{v}</span>,
    },
    { title: '姓名', dataIndex: 'displayName', width: 150 },
    {
      title: '角色',
      dataIndex: 'roles',
      width: 170,
      filters: roleOptions().map((r) => ({ text: r.label, value: r.value })),
      onFilter: (v, u) => u.roles.includes(v as Role),
      render: (roles: Role[]) => roleTags(roles),
    },
    {
      title: '所属区划',
      dataIndex: 'regionName',
      width: 170,
      render: (n: string, u) => (
        <span>
          {n}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {(REGION_LEVEL_SHORT as Record<string, string>)[u.regionLevel] ?? ''}
          </Typography.Text>
        </span>
      ),
    },
    { title: '单位', dataIndex: 'unitName', width: 160, ellipsis: true, render: (n: string | null) => n ?? '—' },
    {
      title: '状态',
      dataIndex: 'active',
      width: 76,
      filters: [
        { text: '启用', value: true },
        { text: '停用', value: false },
      ],
      onFilter: (v, u) => (u.active !== false) === v,
      render: (_: unknown, u) => statusTag(u),
    },
    {
      title: '操作',
      key: 'op',
      width: 120,
      render: (_, u) => actions(u),
    },
  ];
  const phoneColumns: ColumnsType<AdminUser> = [
    {
      title: '用户',
      dataIndex: 'username',
      render: (v: string, u) => (
        <div data-testid={`user-row-${v}`}>
          <div>
            <strong>{u.displayName}</strong> {u.active === false && <Tag>停用</Tag>}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v} · {u.regionName}
            {u.unitName ? ` · ${u.unitName}` : ''}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>{roleTags(u.roles)}</div>
        </div>
      ),
    },
    { title: '操作', key: 'op', width: 64, render: (_, u) => actions(u) },
  ];

  return (
    <div data-testid="admin-users">
      <AdminToolbar createText="新增用户" createTestId="user-create" onCreate={() => setEditing('new')} onReload={list.reload} error={list.error}>
        <Space wrap className="admin-filters">
          <RegionSelect
            tree={tree}
            value={regionCode}
            onChange={setRegionCode}
            maxLevel="town"
            allowClear
            placeholder="全部区划"
            className="admin-filter"
            testId="users-filter-region"
          />
          <Input.Search
            allowClear
            placeholder="用户名或姓名"
            onSearch={(v) => setQ(v)}
            className="admin-filter"
            data-testid="users-filter-q"
          />
        </Space>
      </AdminToolbar>
      <Table<AdminUser>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        scroll={{ x: isPhone ? undefined : 900 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个用户`, size: isPhone ? 'small' : undefined }}
        rowClassName={(u) => (u.active === false ? 'row-inactive' : '')}
        columns={isPhone ? phoneColumns : desktopColumns}
      />
      <UserModal
        editing={editing}
        tree={tree}
        onClose={() => setEditing(null)}
        onSaved={(u, created) => {
          setEditing(null);
          message.success(created ? `已新增用户 ${u.username}` : `已保存 ${u.username}`);
          void list.reload();
        }}
      />
    </div>
  );
}

interface UserForm {
  username: string;
  password?: string;
  displayName: string;
  roles: Role[];
  regionCode: string;
  unitId?: string | null;
}

function UserModal({
  editing,
  tree,
  onClose,
  onSaved,
}: {
  editing: AdminUser | 'new' | null;
  tree: RegionNode[];
  onClose(): void;
  onSaved(u: AdminUser, created: boolean): void;
}) {
  const [form] = Form.useForm<UserForm>();
  const { saving, error, run } = useSaving();
  const units = useAsync(['units', undefined, editing !== null], () => (editing ? unitsApi.list() : Promise.resolve([])));
  const names = useMemo(() => regionNames(tree), [tree]);
  const creating = editing === 'new';
  if (!editing) return null;

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      if (creating) {
        const input: CreateUserInput = {
          username: v.username.trim(),
          password: v.password!,
          displayName: v.displayName.trim(),
          roles: v.roles,
          regionCode: v.regionCode,
          ...(v.unitId ? { unitId: v.unitId } : {}),
        };
        onSaved(await adminUsersApi.create(input), true);
      } else {
        const input: UpdateUserInput = {
          displayName: v.displayName.trim(),
          roles: v.roles,
          regionCode: v.regionCode,
          unitId: v.unitId ?? null,
          ...(v.password ? { password: v.password } : {}),
        };
        onSaved(await adminUsersApi.update(editing.id, input), false);
      }
    });
  };

  return (
    <AdminFormModal
      title={creating ? '新增用户' : `编辑用户 · ${editing.username}`}
      okText={creating ? '新增' : '保存'}
      testId="user"
      saving={saving}
      error={error}
      onOk={submit}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          creating
            ? { roles: [] }
            : {
                username: editing.username,
                displayName: editing.displayName,
                roles: editing.roles,
                regionCode: editing.regionCode,
                unitId: editing.unitId ?? undefined,
              }
        }
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={
            creating
              ? [
                  { required: true, message: '请填写用户名' },
                  { pattern: /^[a-z0-9._-]{3,64}$/, message: '3–64 位小写字母、数字或 . _ -' },
                ]
              : []
          }
          extra={creating ? '登录用，如 handler.fengqiao，创建后不能修改' : undefined}
        >
          <Input disabled={!creating} autoComplete="off" data-testid="user-field-username" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 64 }]}>
          <Input data-testid="user-field-displayName" />
        </Form.Item>
        <Form.Item
          name="password"
          label={creating ? '初始密码' : '重置密码'}
          rules={[...(creating ? [{ required: true, message: '请设置初始密码' }] : []), { min: 8, message: '至少 8 位' }]}
          extra={creating ? undefined : '不修改请留空'}
        >
          <Input.Password autoComplete="new-password" data-testid="user-field-password" />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }]}>
          <Select mode="multiple" options={roleOptions()} placeholder="选择角色" data-testid="user-field-roles" />
        </Form.Item>
        <Form.Item name="regionCode" label="所属区划（辖区）" rules={[{ required: true, message: '请选择所属区划' }]}>
          <RegionSelect tree={tree} testId="user-field-regionCode" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="所属单位"
          dependencies={['roles']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v && (getFieldValue('roles') as Role[] | undefined)?.includes('handler')
                  ? Promise.reject(new Error('责任单位经办人须选择所属单位'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.loading}
            placeholder="选择单位"
            options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.name}（${names.get(u.regionCode) ?? u.regionCode}）` }))}
            data-testid="user-field-unitId"
          />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}
