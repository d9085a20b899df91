import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { REGION_LEVELS, type RegionLevel } from '@ecoloop/workflow';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Popconfirm, Row, Select, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useRef, useState } from 'react';
import { adminRegionsApi } from '../../../api/admin';
import type { RegionNode } from '../../../api/regions';
import { REGION_LEVEL_LABELS, REGION_LEVEL_SHORT, regionLevelLabel } from '../../../i18n/labels';
import { regionIndex } from '../../cases/hooks/useRegions';
import { errorText } from '../../../api';

const LEVEL_COLORS: Record<string, string> = { province: 'magenta', city: 'purple', county: 'blue', town: 'cyan', village: 'green', grid: 'default' };

/** The tree pruned to the nodes matching `q` (by name or code) and their ancestors. */
function filterTree(nodes: RegionNode[], q: string): RegionNode[] {
  if (!q) return nodes;
  const out: RegionNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children ?? [], q);
    if (n.name.includes(q) || n.code.startsWith(q) || children.length) out.push({ ...n, children });
  }
  return out;
}

function toDataNodes(nodes: RegionNode[]): DataNode[] {
  return nodes.map((n) => ({
    key: n.code,
    title: (
      <span className="region-node" data-testid={`region-node-${n.code}`}>
        <span>{n.name}</span>
        <Tag color={LEVEL_COLORS[n.level]} className="region-node-tag">
          {(REGION_LEVEL_SHORT as Record<string, string>)[n.level] ?? n.level}
        </Tag>
        <Typography.Text type="secondary" className="region-node-code">
          {n.code}
        </Typography.Text>
      </span>
    ),
    children: n.children?.length ? toDataNodes(n.children) : undefined,
  }));
}

import { useSaving } from '../../../lib/useSaving';
import { AdminFormModal } from './AdminFormModal';

export function RegionsTab({ tree, loading, onChanged }: { tree: RegionNode[]; loading: boolean; onChanged(): Promise<void> }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);
  const [modal, setModal] = useState<'child' | 'rename' | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const index = useMemo(() => regionIndex(tree), [tree]);
  const shown = useMemo(() => filterTree(tree, q.trim()), [tree, q]);
  const data = useMemo(() => toDataNodes(shown), [shown]);
  const node = selected ? index.get(selected) : undefined;
  const parent = node?.parentCode ? index.get(node.parentCode) : undefined;
  // Expanded: while searching every match is open; otherwise the city and its counties.
  const defaultExpanded = useMemo(() => tree.flatMap((n) => [n.code, ...(n.children ?? []).map((c) => c.code)]), [tree]);
  const expandedKeys = q.trim() ? [...regionIndex(shown).keys()] : (expanded ?? defaultExpanded);
  const canHaveChildren = node && REGION_LEVELS.indexOf(node.level) < REGION_LEVELS.length - 1;

  const remove = async () => {
    if (!node) return;
    try {
      await adminRegionsApi.remove(node.code);
      message.success(`已删除 ${node.name}`);
      setSelected(node.parentCode ?? null);
      await onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Row gutter={[16, 16]} data-testid="admin-regions">
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title="行政区划"
          extra={<Button size="small" type="text" icon={<ReloadOutlined />} onClick={() => void onChanged()} aria-label="刷新" />}
        >
          <Input.Search allowClear placeholder="按名称或代码查找" onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} />
          {data.length ? (
            <Tree
              showLine
              blockNode
              treeData={data}
              selectedKeys={selected ? [selected] : []}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpanded(keys)}
              onSelect={(keys, info) => {
                // clicking the selected node again keeps it selected
                setSelected(String(keys[0] ?? info.node.key));
                // on a phone the panel is below the tree: bring it into view
                if (keys.length && window.matchMedia('(max-width: 991px)').matches) {
                  requestAnimationFrame(() => panel.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }));
                }
              }}
              className="region-tree"
              data-testid="region-tree"
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={loading ? '加载中…' : q ? '无匹配的区划' : '暂无行政区划'} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10} ref={panel}>
        <Card size="small" title="所选区划" className="region-panel">
          {node ? (
            <>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'name', label: '名称', children: <span data-testid="region-selected-name">{node.name}</span> },
                  { key: 'code', label: '区划代码', children: node.code },
                  { key: 'level', label: '层级', children: regionLevelLabel(node.level) },
                  { key: 'parent', label: '上级', children: parent ? parent.name : '—' },
                  { key: 'children', label: '下级', children: `${node.children?.length ?? 0} 个` },
                ]}
              />
              <Space wrap style={{ marginTop: 12 }}>
                <Button icon={<PlusOutlined />} disabled={!canHaveChildren} onClick={() => setModal('child')} data-testid="region-add-child">
                  新增下级
                </Button>
                <Button icon={<EditOutlined />} onClick={() => setModal('rename')} data-testid="region-rename">
                  重命名
                </Button>
                <Popconfirm
                  title={`删除 ${node.name}？`}
                  description="仅能删除没有下级区划、单位、用户和案件的区划。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true, 'data-testid': 'region-delete-confirm' } as never}
                  onConfirm={remove}
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="region-delete">
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择一个区划后可新增下级、重命名或删除" />
          )}
        </Card>
      </Col>
      {node && modal && (
        <RegionModal
          mode={modal}
          node={node}
          onClose={() => setModal(null)}
          onSaved={async (code, text) => {
            setModal(null);
            message.success(text);
            // Select the saved region before reloading: selecting it after would undo a click made meanwhile.
            setSelected(code);
            setExpanded((prev) => [...new Set([...(prev ?? defaultExpanded), node.code])]);
            await onChanged();
          }}
        />
      )}
    </Row>
  );
}

function RegionModal({
  mode,
  node,
  onClose,
  onSaved,
}: {
  mode: 'child' | 'rename';
  node: RegionNode;
  onClose(): void;
  onSaved(code: string, message: string): Promise<void>;
}) {
  const [form] = Form.useForm<{ code: string; name: string; level: RegionLevel }>();
  const { saving, error, run } = useSaving();
  const below = REGION_LEVELS.slice(REGION_LEVELS.indexOf(node.level) + 1);

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      if (mode === 'child') {
        const created = await adminRegionsApi.create({ code: v.code.trim(), name: v.name.trim(), level: v.level, parentCode: node.code });
        await onSaved(created.code, `已新增 ${created.name}`);
      } else {
        await adminRegionsApi.rename(node.code, v.name.trim());
        await onSaved(node.code, `已重命名为 ${v.name.trim()}`);
      }
    });
  };

  return (
    <AdminFormModal
      title={mode === 'child' ? `新增下级区划 · ${node.name}` : `重命名 · ${node.name}`}
      okText={mode === 'child' ? '新增' : '保存'}
      testId="region"
      saving={saving}
      error={error}
      onOk={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={mode === 'child' ? { code: node.code, level: below[0] } : { name: node.name }}>
        {mode === 'child' && (
          <>
            <Form.Item
              name="code"
              label="区划代码"
              extra={`以上级代码 ${node.code} 开头，共 6–12 位数字`}
              rules={[
                { required: true, message: '请填写区划代码' },
                { pattern: /^\d{6,12}$/, message: '须为 6–12 位数字' },
                {
                  validator: (_, v: string) =>
                    !v || (v.startsWith(node.code) && v.length > node.code.length)
                      ? Promise.resolve()
                      : Promise.reject(new Error(`须以 ${node.code} 开头且长于上级代码`)),
                },
              ]}
            >
              <Input inputMode="numeric" maxLength={12} data-testid="region-field-code" />
            </Form.Item>
            <Form.Item name="level" label="层级" rules={[{ required: true, message: '请选择层级' }]}>
              <Select options={below.map((l) => ({ value: l, label: REGION_LEVEL_LABELS[l] }))} data-testid="region-field-level" />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 64 }]}>
          <Input placeholder={mode === 'child' ? '如：新丰镇' : undefined} data-testid="region-field-name" />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}
