import { asLedger } from '@ecoloop/auth';
import { useAbility } from '@casl/react';
import { Alert, Empty, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, errorText } from '../../../api';
import { ledgersApi, type LedgerDetail, type LedgerItem, type ReportBackView } from '../../../api/ledgers';
import { stateLabel } from '../../../i18n/labels';
import type { AppAbility } from '../../../lib/ability';
import { formatDateTime } from '../../../lib/time';
import { useSaving } from '../../../lib/useSaving';
import { regionIndex, useRegions } from '../../cases/hooks/useRegions';

/** The rows of a ledger in one county, with the county's cases of each. */
export function countyItems(items: LedgerItem[], countyCode: string) {
  return items
    .map((it) => ({ item: it, cases: (it.cases ?? []).filter((c) => (c.countyCode ?? c.regionCode?.slice(0, 6)) === countyCode) }))
    .filter((x) => x.cases.length > 0);
}

interface Values {
  regionCode: string;
  comment: string;
  notes?: Record<string, string>;
}

/**
 * 交账: a county reports its part of the ledger back. Rows not yet signed off in that county need
 * an explanation each (the server refuses otherwise).
 */
export function ReportBackModal({ ledger, onClose, onDone }: { ledger: LedgerDetail; onClose(): void; onDone(r: ReportBackView): void }) {
  const [form] = Form.useForm<Values>();
  const ability = useAbility<AppAbility>();
  const { tree } = useRegions();
  const [rowErrors, setRowErrors] = useState<string[]>([]);
  const { saving, error, run } = useSaving((e) => {
    const details = e instanceof ApiError ? (e.details ?? []) : [];
    if (e instanceof ApiError && e.code === 'ledger_items_open' && details.length) {
      setRowErrors(details.map((d) => d.message));
      return '以下问题尚未销号，请逐项说明后再交账';
    }
    return errorText(e);
  });
  const regionCode = Form.useWatch('regionCode', form);

  const counties = useMemo(() => {
    const index = regionIndex(tree);
    return (ledger.counties ?? []).filter((c) => {
      const path = index.get(c.regionCode)?.path;
      return !path || ability.can('report_back', asLedger({ regionPath: path }));
    });
  }, [ledger.counties, tree, ability]);

  const rows = useMemo(() => (regionCode ? countyItems(ledger.items ?? [], regionCode) : []), [ledger.items, regionCode]);
  const open = rows.filter((r) => r.cases.some((c) => c.state !== 'closed'));
  const county = counties.find((c) => c.regionCode === regionCode);

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setRowErrors([]);
    await run(async () => {
      const explanations = open
        .map(({ item }) => ({ itemId: item.id, note: (v.notes?.[item.id] ?? '').trim() }))
        .filter((e) => e.note);
      const r = await ledgersApi.reportBack(ledger.id, { regionCode: v.regionCode, comment: v.comment.trim(), ...(explanations.length ? { explanations } : {}) });
      onDone(r);
    });
  };

  return (
    <Modal
      open
      title="交账"
      okText="确认交账"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: saving, 'data-testid': 'report-back-submit' } as never}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
      data-testid="report-back-modal"
    >
      <Alert type="info" showIcon title="县（市、区）向交办层级报告本台账整改情况；未销号的问题须逐项说明原因及计划。" style={{ marginBottom: 12 }} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          description={rowErrors.length ? <ul className="plain-list">{rowErrors.map((m) => <li key={m}>{m}</li>)}</ul> : undefined}
          style={{ marginBottom: 12 }}
          data-testid="report-back-error"
        />
      )}
      <Form form={form} layout="vertical" initialValues={counties.length === 1 ? { regionCode: counties[0].regionCode } : undefined}>
        <Form.Item name="regionCode" label="县（市、区）" rules={[{ required: true, message: '请选择县（市、区）' }]}>
          <Select
            placeholder="选择交账的县（市、区）"
            options={counties.map((c) => ({
              value: c.regionCode,
              label: `${c.regionName}（${c.itemsSignedOff}/${c.items} 项已销号${c.reportedBackAt ? '，已交账' : ''}）`,
            }))}
            notFoundContent="您无权为本台账的任何县（市、区）交账"
            data-testid="report-back-county"
          />
        </Form.Item>
        {county?.reportedBackAt && (
          <Alert type="warning" showIcon title={`${county.regionName}已于 ${formatDateTime(county.reportedBackAt)} 交账，再次交账将追加一条记录。`} style={{ marginBottom: 12 }} />
        )}
        {regionCode && (
          <div className="report-back-items" data-testid="report-back-items">
            <Typography.Text>
              本县共 {rows.length} 项问题，已销号 {rows.length - open.length} 项
              {open.length ? `，${open.length} 项未销号，请逐项说明：` : '，全部已销号。'}
            </Typography.Text>
            {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本县在本台账中没有问题" />}
            {open.map(({ item, cases }) => (
              <Form.Item
                key={item.id}
                name={['notes', item.id]}
                label={
                  <Space size={4} wrap>
                    <span>
                      序号 {item.seq}：{item.title}
                    </span>
                    {[...new Set(cases.filter((c) => c.state !== 'closed').map((c) => c.state))].map((s) => (
                      <Tag key={s}>{stateLabel(s)}</Tag>
                    ))}
                  </Space>
                }
                rules={[{ required: true, whitespace: true, message: '请说明未销号原因及整改计划' }, { max: 2000 }]}
                className="report-back-item"
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="未销号原因、目前进展及预计完成时间" data-testid={`explanation-${item.seq}`} />
              </Form.Item>
            ))}
          </div>
        )}
        <Form.Item name="comment" label="交账说明" rules={[{ required: true, whitespace: true, message: '请填写交账说明' }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="本台账整改总体情况" data-testid="report-back-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
