import { isOpenState } from '@ecoloop/workflow';
import { FileSearchOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Descriptions, Empty, Form, Grid, Input, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorText } from '../../../api';
import { enterprisesApi } from '../../../api/enterprises';
import { useAsync } from '../../../lib/useAsync';
import { CaseCards, CaseTable } from '../../cases/components/CaseTable';
import type { Case } from '../../cases/types';
import { CREDIT_CODE_PATTERN, normaliseCreditCode, recentCodes, rememberCode } from '../types';
import { EnterpriseActions } from './EnterpriseActions';
import { EnterpriseFacts } from './EnterpriseFacts';
import { EnterpriseList } from './EnterpriseList';
import { HealthCodeBadge } from './HealthCodeBadge';
import { PageHeading } from '../../../components/PageHeading';

/** 企业环境健康码: look an enterprise up by its credit code; its code, the reasons and its cases. */
export function EnterprisePage() {
  const { creditCode: param } = useParams();
  const navigate = useNavigate();
  const code = param ? normaliseCreditCode(param) : '';
  const [form] = Form.useForm<{ code: string }>();
  const [recent, setRecent] = useState(recentCodes);

  useEffect(() => form.setFieldsValue({ code }), [code, form]);

  const submit = ({ code: input }: { code: string }) => {
    const next = normaliseCreditCode(input);
    navigate(`/enterprises/${next}`);
  };

  return (
    <div className="page" data-testid="page-enterprise">
      <div className="page-head">
        <PageHeading title="企业环境健康码" subtitle="输入统一社会信用代码，查看企业健康码及相关问题" />
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={submit} className="enterprise-search" initialValues={{ code }}>
          <Form.Item
            name="code"
            className="enterprise-search-input"
            normalize={(v: string) => normaliseCreditCode(v ?? '')}
            rules={[
              { required: true, message: '请输入统一社会信用代码' },
              { pattern: CREDIT_CODE_PATTERN, message: '统一社会信用代码为 18 位数字或大写字母' },
            ]}
          >
            <Input
              allowClear
              maxLength={18}
              showCount
              placeholder="18 位统一社会信用代码"
              autoComplete="off"
              spellCheck={false}
              data-testid="enterprise-code"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="enterprise-lookup">
              查询
            </Button>
          </Form.Item>
        </Form>
        {recent.length > 0 && (
          <div className="enterprise-recent">
            <Typography.Text type="secondary">最近查询：</Typography.Text>
            {recent.map((r) => (
              <Tag key={r.creditCode} className="enterprise-recent-tag" onClick={() => navigate(`/enterprises/${r.creditCode}`)}>
                {r.name}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      {code && CREDIT_CODE_PATTERN.test(code) ? (
        <EnterpriseView key={code} creditCode={code} onFound={() => setRecent(recentCodes())} />
      ) : code ? (
        <Alert type="warning" showIcon title="统一社会信用代码为 18 位数字或大写字母，请检查后重新输入" />
      ) : (
        <EnterpriseList />
      )}
    </div>
  );
}

function EnterpriseView({ creditCode, onFound }: { creditCode: string; onFound(): void }) {
  const isPhone = !Grid.useBreakpoint().md;
  const ent = useAsync(['enterprise', creditCode], () => enterprisesApi.get(creditCode));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [sort, setSort] = useState('-createdAt');
  const e = ent.data;

  useEffect(() => {
    if (e) {
      rememberCode(e.creditCode, e.name);
      onFound();
    }
    // Once per enterprise found, whatever the callback's identity.
  }, [e]);

  const sorted = useMemo(() => sortCases(e?.cases ?? [], sort), [e, sort]);

  if (ent.error) {
    const nf = ent.error instanceof ApiError && ent.error.isNotFound;
    return (
      <Card>
        <Result
          status={nf ? 'info' : 'warning'}
          icon={nf ? <FileSearchOutlined style={{ color: '#9aa5a0' }} /> : undefined}
          title={nf ? '未找到该企业' : '查询失败'}
          subTitle={nf ? `统一社会信用代码 ${creditCode} 未登记在本系统中，请核对后重试` : errorText(ent.error)}
          extra={!nf && <Button onClick={ent.reload}>重试</Button>}
          data-testid="enterprise-not-found"
        />
      </Card>
    );
  }
  if (!e) return <Skeleton active paragraph={{ rows: 6 }} />;

  const open = e.cases.filter((c) => isOpenState(c.state)).length;
  const tableProps = {
    items: sorted.slice((page - 1) * pageSize, page * pageSize),
    total: sorted.length,
    loading: ent.loading,
    page,
    pageSize,
    sort,
    empty: <Empty description="暂无您可查看的相关案件" />,
    onPage: (p: number, size: number) => {
      setPage(size !== pageSize ? 1 : p);
      setPageSize(size);
    },
    onSort: (s: string) => {
      setSort(s);
      setPage(1);
    },
  };

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} lg={6}>
          <HealthCodeBadge code={e.healthCode} />
        </Col>
        <Col xs={24} md={16} lg={18}>
          <Card size="small" title={<span data-testid="enterprise-name">{e.name}</span>} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, xl: 3 }}
              items={[
                { key: 'code', label: '统一社会信用代码', children: <Typography.Text copyable>{e.creditCode}</Typography.Text> },
                { key: 'region', label: '所在区域', children: e.regionName },
                { key: 'industry', label: '行业', children: e.industry ?? '—' },
                { key: 'address', label: '地址', children: e.address ?? '—' },
                { key: 'cases', label: '相关案件', children: `${e.cases.length} 件（未办结 ${open} 件）` },
              ]}
            />
            <div className="health-reasons" data-testid="health-reasons">
              <Typography.Text strong>赋码原因：</Typography.Text>
              {e.healthReasons.length ? (
                <ul>
                  {e.healthReasons.map((r) => (
                    <li key={r.text}>
                      {r.effect !== 'info' && <Tag color={r.effect === 'red' ? 'red' : 'gold'}>{r.effect === 'red' ? '红' : '黄'}</Tag>}
                      {r.text}
                    </li>
                  ))}
                </ul>
              ) : (
                <Typography.Text type="secondary">近一年无未办结或整改不到位的问题</Typography.Text>
              )}
            </div>
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'rule',
                  label: '赋码规则',
                  children: (
                    <Space orientation="vertical" size={2}>
                      <span>
                        <Tag color="red">红码</Tag>有行政处罚决定、经确认的重大违法问题、确认的违法问题 2 件及以上、在线监测 30 日内反复超标，或环境信用评价为 D
                      </span>
                      <span>
                        <Tag color="gold">黄码</Tag>有 1 件经确认的一般违法问题或属实投诉、在线监测持续超标，或环境信用评价为 C
                      </span>
                      <span>
                        <Tag color="green">绿码</Tag>无经确认的违法事实，列入正面清单（无事不扰）
                      </span>
                      <Typography.Text type="secondary">只计经销号核实或执法确认的事实，未经核实的投诉不影响赋码；事实只有经信用修复（审核、公示 7 天、批准）后才不再计入。</Typography.Text>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <EnterpriseActions e={e} onFiled={ent.reload} />
      <Card size="small" title={`相关案件（${e.cases.length}）`} style={{ marginTop: 16 }} styles={{ body: { padding: isPhone ? 8 : 12 } }}>
        {isPhone ? <CaseCards {...tableProps} /> : <CaseTable {...tableProps} />}
      </Card>
      <EnterpriseFacts e={e} />
    </>
  );
}

function sortCases(cases: Case[], sort: string): Case[] {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '') as 'code' | 'dueAt' | 'createdAt';
  return [...cases].sort((a, b) => {
    const x = (a[key] ?? '') as string;
    const y = (b[key] ?? '') as string;
    return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
  });
}
