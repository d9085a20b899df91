import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ledgersApi, type TaskAction, type TaskRow } from '../../../api/ledgers';
import { periodLabel } from '../../../i18n/labels';
import { useAsync } from '../../../lib/useAsync';
import { ITEM_STATUS_LABELS } from '../types';
import { QuarterlyReportModal } from './QuarterlyReportModal';

/** One line of the two-level table: a 专项行动 with its 主要任务 as children, or a task. */
type Line = { key: string; action?: TaskAction; task?: TaskRow; parent?: TaskAction; children?: Line[] };

const shortQuarter = (q: string) => `${q.slice(0, 4)}年Q${q.slice(6)}`;

/**
 * 811 task table (DESIGN §15): 专项行动 → 主要任务 with each quarter's report and which tasks have not
 * reported for the chosen quarter; a unit of a task files its quarterly report from here.
 */
export function TaskTableCard({ ledgerId, compact, onChanged }: { ledgerId: string; compact: boolean; onChanged(): void }) {
  const { message } = App.useApp();
  const [quarter, setQuarter] = useState<string | undefined>(undefined);
  const table = useAsync(['ledger-task-table', ledgerId, quarter ?? 'current'], () => ledgersApi.taskTable(ledgerId, quarter));
  const [open, setOpen] = useState<{ task: TaskRow; action?: TaskAction } | null>(null);
  const t = table.data;

  if (table.error && !t) return <Alert type="warning" showIcon title="任务清单加载失败" />;
  if (!t) return <Card size="small" loading title="任务清单" style={{ marginTop: 16 }} />;

  const lines: Line[] = [
    ...t.actions.map((a) => ({ key: a.id, action: a, children: a.tasks.map((x) => ({ key: x.id, task: x, parent: a })) })),
    ...(t.ungrouped.length ? [{ key: 'ungrouped', children: t.ungrouped.map((x) => ({ key: x.id, task: x })) }] : []),
  ];
  const shownQuarters = compact ? [] : t.quarters.slice(-4);

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="task-table"
      title={compact ? '任务清单' : `任务清单（专项行动 ${t.actions.length} 项，主要任务 ${t.tasks} 项）`}
      extra={
        <Select
          size="small"
          value={t.quarter}
          style={{ width: compact ? 140 : 210 }}
          onChange={(q) => setQuarter(q)}
          options={[...t.quarters].reverse().map((q) => ({ value: q, label: q === t.currentQuarter && !compact ? `${periodLabel(q)}（本季度）` : periodLabel(q) }))}
          data-testid="task-table-quarter"
        />
      }
    >
      {t.missing > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="task-table-missing"
          title={`${periodLabel(t.quarter)}尚有 ${t.missing} 项主要任务未报送季度报告`}
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`${periodLabel(t.quarter)}季度报告已全部报送`} />
      )}
      <Table<Line>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={lines}
        scroll={compact ? undefined : { x: 1080 }}
        // Always open: the table is read as a whole, actions as headings over their tasks.
        expandable={{ defaultExpandAllRows: true, expandIcon: () => null, indentSize: compact ? 0 : 20 }}
        rowClassName={(l) => (l.task ? '' : 'task-action-row')}
        locale={{ emptyText: <Empty description="暂无任务，请按模板填写“专项行动”列后导入 Excel" /> }}
        columns={[
          {
            title: '专项行动 / 主要任务',
            key: 'title',
            // An action's heading runs over the task columns beside it.
            onCell: (l) => ({ colSpan: l.task || compact ? 1 : 4 }),
            render: (_, l) =>
              l.task ? (
                <div data-testid={`task-row-${l.task.seq}`}>
                  <div>
                    {l.task.seq}. {l.task.title}
                  </div>
                  {compact && <TaskMeta task={l.task} onOpen={() => setOpen({ task: l.task!, action: l.parent })} />}
                </div>
              ) : (
                <Space size={4} wrap className="task-action-title" data-testid={l.action ? `task-action-${l.action.seq}` : 'task-ungrouped'}>
                  <Typography.Text strong>{l.action ? `${toChineseNumber(l.action.seq)}、${l.action.title}` : '未归入专项行动的任务'}</Typography.Text>
                  {l.action && <Tag>牵头：{l.action.leadUnit.name}</Tag>}
                  {l.action && l.action.missing > 0 && <Tag color="red">未报 {l.action.missing}</Tag>}
                </Space>
              ),
          },
          {
            hidden: compact,
            title: '责任单位',
            key: 'units',
            onCell: (l: Line) => ({ colSpan: l.task ? 1 : 0 }),
            width: 190,
            render: (_, l) =>
              l.task ? (
                <span>
                  {l.task.leadUnits.map((u) => u.name).join('、')}
                  {l.task.coUnits.length > 0 && <Typography.Text type="secondary">（配合：{l.task.coUnits.map((u) => u.name).join('、')}）</Typography.Text>}
                </span>
              ) : null,
          },
          {
            hidden: compact,
            title: '完成时限',
            key: 'due',
            onCell: (l: Line) => ({ colSpan: l.task ? 1 : 0 }),
            width: 100,
            render: (_, l) => l.task?.dueDate ?? null,
          },
          {
            hidden: compact,
            title: '状态',
            key: 'status',
            onCell: (l: Line) => ({ colSpan: l.task ? 1 : 0 }),
            width: 110,
            render: (_, l) => (l.task ? <TaskStatus task={l.task} /> : null),
          },
          ...shownQuarters.map((q) => ({
            title: shortQuarter(q),
            key: `q-${q}`,
            width: 96,
            render: (_: unknown, l: Line) => {
              if (!l.task) return null;
              const r = l.task.reports.filter((x) => x.period === q);
              if (!r.length) return <Typography.Text type="secondary">—</Typography.Text>;
              const pct = r.map((x) => x.percent).filter((x): x is number => x !== null);
              return (
                <a onClick={() => setOpen({ task: l.task!, action: l.parent })} title={r.map((x) => `${x.unitName}：${x.note}`).join('\n')}>
                  <Tag color="green">{pct.length ? `${Math.max(...pct)}%` : '已报'}</Tag>
                </a>
              );
            },
          })),
          {
            hidden: compact,
            title: `${shortQuarter(t.quarter)} 报送`,
            key: 'report',
            width: 170,
            render: (_, l) => (l.task ? <ReportCell task={l.task} onOpen={() => setOpen({ task: l.task!, action: l.parent })} /> : null),
          },
        ]}
      />
      {open && (
        <QuarterlyReportModal
          ledgerId={ledgerId}
          task={open.task}
          actionTitle={open.action?.title}
          leadOffice={open.action?.leadUnit.name}
          quarters={t.quarters}
          quarter={t.quarter}
          onClose={() => setOpen(null)}
          onReported={() => {
            setOpen(null);
            message.success('已报送季度报告');
            void table.reload();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function TaskStatus({ task }: { task: TaskRow }) {
  const st = ITEM_STATUS_LABELS[task.status];
  return (
    <>
      {st ? <Tag color={st.color}>{st.label}</Tag> : null}
      {task.lagLevel && <Tag color={task.lagLevel === 'red' ? 'red' : 'gold'}>序时滞后</Tag>}
    </>
  );
}

function ReportCell({ task, onOpen }: { task: TaskRow; onOpen(): void }) {
  return (
    <Space size={4} wrap>
      {!task.reportDue ? (
        <Tag>无需报送</Tag>
      ) : task.reported ? (
        <Tag color="green">已报送</Tag>
      ) : (
        <Tag color="red" title={task.missingUnits.map((u) => u.name).join('、')}>
          未报送
        </Tag>
      )}
      {task.canReport ? (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={onOpen} data-testid={`task-report-${task.seq}`}>
          报送
        </Button>
      ) : task.reports.length > 0 ? (
        <a onClick={onOpen}>查看</a>
      ) : null}
    </Space>
  );
}

/** The phone layout: what the wide table shows in columns, under the task's title. */
function TaskMeta({ task, onOpen }: { task: TaskRow; onOpen(): void }) {
  const latest = [...task.reports].sort((a, b) => b.period.localeCompare(a.period))[0];
  return (
    <div className="item-compact-meta">
      <Space size={4} wrap>
        <TaskStatus task={task} />
        <span>{task.leadUnits.map((u) => u.name).join('、')}</span>
        <span>时限 {task.dueDate}</span>
      </Space>
      <div>
        {latest ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            最近：{periodLabel(latest.period)}
            {latest.percent !== null ? ` ${latest.percent}%` : ''}
          </Typography.Text>
        ) : null}
      </div>
      <ReportCell task={task} onOpen={onOpen} />
    </div>
  );
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function toChineseNumber(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return `十${CN[n - 10]}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}
