import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../../../api';

/**
 * The top of an admin list: filters or a hint first (`children`), then 刷新 and the create button;
 * under it the list's load error, if any.
 */
export function AdminToolbar(props: { createText: string; createTestId: string; onCreate(): void; onReload(): void; error: unknown; children: ReactNode }) {
  return (
    <>
      <div className="admin-toolbar">
        {props.children}
        <Space>
          <Button icon={<ReloadOutlined />} onClick={props.onReload} aria-label="刷新" />
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate} data-testid={props.createTestId}>
            {props.createText}
          </Button>
        </Space>
      </div>
      {props.error ? <Alert type="error" showIcon title={errorText(props.error)} style={{ marginBottom: 12 }} /> : null}
    </>
  );
}
