import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, QRCode, Skeleton, Space, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { usePageTitle } from '../../../components/usePageTitle';
import { categoryLabel, SUPERVISION_LEVEL_LABELS } from '../../../i18n/labels';
import { formatDateTime } from '../../../lib/time';
import { useCase } from '../hooks/useCase';
import { kindShort } from '../deadlineText';

export const BUREAU_NAME = '嘉兴市生态环境局';

const DOCS = {
  dispatch: { title: '生态环境问题交办单', events: ['dispatch', 'reassign'], dueKinds: ['sign_for', 'rectify'] },
  supervision: { title: '生态环境问题督办单', events: ['supervise', 'auto_supervise'], dueKinds: ['supervision'] },
} as const;

/**
 * 交办单 / 督办单 as a printable page: the bureau, the case code, what is asked and by when, and a QR
 * code that opens the case. Printed from the browser (or saved as PDF there).
 */
export function CasePrintPage() {
  const { id = '', doc = 'dispatch' } = useParams();
  const spec = DOCS[doc as keyof typeof DOCS] ?? DOCS.dispatch;
  const { kase, events, error, reload } = useCase(id);
  usePageTitle(kase ? `${kase.code} ${spec.title.replace('生态环境问题', '')}` : spec.title);
  if (error && !kase) return <LoadError error={error} onRetry={() => void reload()} />;
  if (!kase) return <Skeleton active paragraph={{ rows: 8 }} style={{ padding: 24 }} />;

  const issued = [...events].reverse().find((e) => (spec.events as readonly string[]).includes(e.action));
  const deadline = [...(kase.deadlines ?? [])].reverse().find((d) => (spec.dueKinds as readonly string[]).includes(d.kind) && d.status !== 'cancelled');
  const url = `${window.location.origin}/cases/${kase.id}`;
  return (
    <div className="print-sheet" data-testid="case-print">
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          打印
        </Button>
        <Button onClick={() => window.history.back()}>返回</Button>
      </Space>
      <div className="print-head">
        <div>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="print-bureau">
            {BUREAU_NAME}
          </Typography.Text>
          <Typography.Title level={3} style={{ margin: '8px 0' }} data-testid="print-title">
            {spec.title}
          </Typography.Title>
          <Typography.Text>编号：{kase.code}</Typography.Text>
        </div>
        <div style={{ textAlign: 'center' }}>
          <QRCode value={url} size={112} bordered={false} data-testid="print-qr" />
          <div style={{ fontSize: 12 }}>扫码查看案件</div>
        </div>
      </div>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'title', label: '问题', span: 2, children: kase.title },
          { key: 'category', label: '类别', children: categoryLabel(kase.category) },
          { key: 'region', label: '区域', children: kase.regionName ?? kase.regionCode },
          { key: 'address', label: '地址', span: 2, children: kase.address ?? '—' },
          { key: 'lead', label: '牵头单位', children: kase.leadUnitName ?? '—' },
          ...(doc === 'supervision'
            ? [{ key: 'level', label: '督办级别', children: kase.supervisionLevel ? (SUPERVISION_LEVEL_LABELS[kase.supervisionLevel] ?? '督办') : '—' }]
            : [{ key: 'issuer', label: '交办人', children: issued?.actorName ?? '—' }]),
          { key: 'issued', label: doc === 'supervision' ? '督办时间' : '交办时间', children: formatDateTime(issued?.at) },
          {
            key: 'due',
            label: '办理时限',
            children: (
              <span data-testid="print-due">{deadline ? `${kindShort(deadline.kind)} ${formatDateTime(deadline.dueAt)} 前` : formatDateTime(kase.dueAt)}</span>
            ),
          },
          { key: 'desc', label: '问题描述', span: 2, children: <div style={{ whiteSpace: 'pre-wrap' }}>{kase.description || '—'}</div> },
          { key: 'comment', label: doc === 'supervision' ? '督办要求' : '交办意见', span: 2, children: issued?.comment ?? '请按时限办理并反馈整改情况。' },
        ]}
      />
      <div className="print-foot">
        <span>{BUREAU_NAME}（盖章）</span>
        <span>{formatDateTime(issued?.at)}</span>
      </div>
    </div>
  );
}
