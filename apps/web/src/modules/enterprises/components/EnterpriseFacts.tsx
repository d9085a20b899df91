import { Card, Descriptions, Empty, List, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Enterprise } from '../../../api/enterprises';
import { formatDateTime } from '../../../lib/time';
import { HealthCodeTag } from './HealthCodeBadge';
import { REPAIR_STATE_TAGS } from './CreditRepairQueue';

/** What the code rests on over time: code history, credit repairs, enforcement transfers and 约谈. */
export function EnterpriseFacts({ e }: { e: Enterprise }) {
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="enterprise-facts">
      <Tabs
        items={[
          {
            key: 'history',
            label: `赋码记录（${e.codeHistory.length}）`,
            children: (
              <List
                size="small"
                dataSource={e.codeHistory}
                locale={{ emptyText: <Empty description="暂无赋码记录" /> }}
                renderItem={(h) => (
                  <List.Item>
                    <span>
                      {formatDateTime(h.at)} {h.fromCode ? <HealthCodeTag code={h.fromCode} /> : null}
                      {h.fromCode ? '→ ' : '首次赋码 '}
                      <HealthCodeTag code={h.code} />
                      <Typography.Text type="secondary">{h.reasons.filter((r) => r.effect !== 'info').map((r) => r.text).join('；')}</Typography.Text>
                    </span>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'repairs',
            label: `信用修复（${e.repairs.length}）`,
            children: (
              <List
                size="small"
                dataSource={e.repairs}
                locale={{ emptyText: <Empty description="暂无信用修复申请" /> }}
                renderItem={(r) => (
                  <List.Item>
                    <span>
                      <Tag color={REPAIR_STATE_TAGS[r.state].color}>{REPAIR_STATE_TAGS[r.state].label}</Tag>
                      申请于 {formatDateTime(r.createdAt)}
                      {r.publicityEndsAt && `，公示至 ${formatDateTime(r.publicityEndsAt)}`}
                    </span>
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'enforcement',
            label: `移交执法（${e.enforcement.length}）`,
            children: (
              <List
                size="small"
                dataSource={e.enforcement}
                locale={{ emptyText: <Empty description="暂无移交执法记录" /> }}
                renderItem={(t) => (
                  <List.Item>
                    <Descriptions
                      size="small"
                      column={{ xs: 1, md: 3 }}
                      items={[
                        { key: 'case', label: '案件', children: <Link to={`/cases/${t.caseId}`}>{t.caseCode}</Link> },
                        { key: 'no', label: '立案号', children: t.caseNumber },
                        { key: 'decision', label: '处罚决定书', children: t.penaltyDecisionNo ?? '—' },
                        { key: 'fine', label: '罚款', children: t.fine === null ? '—' : `${t.fine.toLocaleString('zh-CN')} 元` },
                        { key: 'police', label: '移送公安', children: t.policeReferral ? '是' : '否' },
                        { key: 'at', label: '登记', children: `${t.actorName} ${formatDateTime(t.at)}` },
                      ]}
                    />
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'interviews',
            label: `约谈（${e.interviews.length}）`,
            children: (
              <List
                size="small"
                dataSource={e.interviews}
                locale={{ emptyText: <Empty description="暂无约谈记录" /> }}
                renderItem={(i) => (
                  <List.Item>
                    <Descriptions
                      size="small"
                      column={1}
                      items={[
                        { key: 'when', label: '约谈', children: `${formatDateTime(i.heldAt)}，${i.interviewer}` },
                        { key: 'who', label: '参加人员', children: i.attendees.join('、') },
                        { key: 'demands', label: '约谈要求', children: i.demands },
                        {
                          key: 'case',
                          label: '整改案件',
                          children: i.followUpCaseId ? <Link to={`/cases/${i.followUpCaseId}`}>{i.followUpCaseCode}</Link> : '—',
                        },
                      ]}
                    />
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
