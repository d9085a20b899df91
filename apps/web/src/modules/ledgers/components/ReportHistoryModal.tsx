import { Alert, Divider, Empty, Modal, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { LedgerProgress } from '../../../api/ledgers';
import { periodLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../lib/time';

/**
 * The reports of one ledger row so far (newest first, as given) and, for whoever may report, the
 * form for a new one: the frame 序时进展 and 季度报告 share. `testId` prefixes the test ids
 * (`<testId>-modal`, `-submit`, `-entry`, `-error`).
 */
export function ReportHistoryModal({
  testId,
  title,
  okText,
  width,
  rowTitle,
  rowDetail,
  history,
  entryTags,
  emptyText,
  formTitle,
  canReport,
  saving,
  error,
  onOk,
  onClose,
  children,
}: {
  testId: string;
  title: string;
  okText: string;
  width: number;
  rowTitle: string;
  /** A line under the row's title. */
  rowDetail?: ReactNode;
  history: LedgerProgress[];
  /** Tags an entry shows after its period. */
  entryTags?(p: LedgerProgress): ReactNode;
  emptyText: string;
  formTitle: string;
  canReport: boolean;
  saving: boolean;
  error: string | null;
  onOk(): void;
  onClose(): void;
  /** The form, shown only to whoever may report. */
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={canReport ? '取消' : '关闭'}
      onOk={onOk}
      onCancel={onClose}
      okButtonProps={{ loading: saving, style: canReport ? undefined : { display: 'none' }, 'data-testid': `${testId}-submit` } as never}
      destroyOnHidden
      mask={{ closable: false }}
      width={width}
      data-testid={`${testId}-modal`}
    >
      <Typography.Paragraph strong style={{ marginBottom: rowDetail ? 4 : 12 }}>
        {rowTitle}
      </Typography.Paragraph>
      {rowDetail && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {rowDetail}
        </Typography.Paragraph>
      )}
      {history.length ? (
        <Timeline
          className="progress-history"
          items={history.map((p) => ({
            key: p.id,
            content: (
              <div data-testid={`${testId}-entry`}>
                <Space size={6} wrap>
                  <Tag color="green">{periodLabel(p.period)}</Tag>
                  {entryTags?.(p)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.unitName}
                    {p.unitRole === 'co' ? '（配合）' : ''} {p.authorName} · {formatDateTime(p.createdAt)}
                  </Typography.Text>
                </Space>
                <div className="progress-note">{p.note}</div>
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ margin: '8px 0 16px' }} />
      )}
      {canReport && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
            {formTitle}
          </Divider>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={`${testId}-error`} />}
          {children}
        </>
      )}
    </Modal>
  );
}
