import { UploadOutlined } from '@ant-design/icons';
import { useAbility } from '@casl/react';
import { Alert, App, Button, Card, Input, Segmented, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorText } from '../../../api';
import { enterprisesApi, type EnterpriseSummary, type HealthCode } from '../../../api/enterprises';
import type { AppAbility } from '../../../lib/ability';
import { saveBlob } from '../../../lib/download';
import { useAsync } from '../../../lib/useAsync';
import { HealthCodeTag } from './HealthCodeBadge';

type Colour = HealthCode | 'all';

/** The registry: red and yellow lists with their counts, the 正面清单 (green), search by name or credit code. */
export function EnterpriseList() {
  const [colour, setColour] = useState<Colour>('red');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useAsync(['enterprises', q, colour, page], () => enterprisesApi.list({ q: q || undefined, healthCode: colour === 'all' ? undefined : colour, page, pageSize: 20 }));
  const counts = list.data?.counts;
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const importFile = async (file: File) => {
    setImportErrors([]);
    try {
      const r = await enterprisesApi.import(file);
      message.success(`已导入 ${r.imported} 家企业（新增 ${r.created}，更新 ${r.updated}）`);
      list.reload();
    } catch (e) {
      const details = e instanceof ApiError ? (e.details ?? []) : [];
      setImportErrors(details.length ? details.map((d) => `${d.row ? `第 ${d.row} 行` : ''}${d.column ? ` ${d.column}` : ''}：${d.message}`) : [errorText(e)]);
    }
    return false;
  };
  const label = (text: string, n?: number) => (n === undefined ? text : `${text} ${n}`);

  return (
    <Card size="small" data-testid="enterprise-list">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Colour>
          value={colour}
          onChange={(v) => {
            setColour(v);
            setPage(1);
          }}
          options={[
            { value: 'red', label: label('红码', counts?.red) },
            { value: 'yellow', label: label('黄码', counts?.yellow) },
            { value: 'green', label: label('绿码·正面清单', counts?.green) },
            { value: 'all', label: '全部' },
          ]}
          data-testid="enterprise-colour"
        />
        <Input.Search
          allowClear
          placeholder="企业名称或统一社会信用代码"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 280 }}
          data-testid="enterprise-search"
        />
        {ability.can('import', 'Enterprise') && (
          <>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={importFile}>
              <Button icon={<UploadOutlined />} data-testid="enterprise-import">
                导入企业名录
              </Button>
            </Upload>
            <Button
              type="link"
              onClick={() =>
                enterprisesApi
                  .template()
                  .then(({ blob, fileName }) => saveBlob(blob, fileName ?? '企业名录导入模板.xlsx'))
                  .catch((e) => message.error(errorText(e)))
              }
            >
              下载导入模板
            </Button>
          </>
        )}
      </Space>
      {importErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setImportErrors([]) }}
          title="文件有错误，未导入任何企业"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {importErrors.slice(0, 50).map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="enterprise-import-errors"
        />
      )}
      {colour === 'green' && <Typography.Paragraph type="secondary">正面清单企业无经确认的违法事实，日常监管“无事不扰”。</Typography.Paragraph>}
      <Table<EnterpriseSummary>
        rowKey="creditCode"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '健康码', dataIndex: 'healthCode', width: 90, render: (c: HealthCode) => <HealthCodeTag code={c} /> },
          { title: '企业名称', dataIndex: 'name', render: (name: string, e) => <Link to={`/enterprises/${e.creditCode}`}>{name}</Link> },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
          { title: '所在区域', dataIndex: 'regionName', width: 110 },
          { title: '行业', dataIndex: 'industry', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '重点排污单位', dataIndex: 'keyDischarger', width: 110, render: (v: boolean) => (v ? <Tag color="blue">重点</Tag> : '—') },
          {
            title: '主要原因',
            key: 'reason',
            render: (_: unknown, e) => e.healthReasons[0]?.text ?? '—',
          },
        ]}
      />
    </Card>
  );
}
