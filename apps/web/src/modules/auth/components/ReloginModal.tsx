import { LockOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorText, setReauthenticate } from '../../../api';
import { authApi } from '../../../api/auth';

/**
 * When the session runs out mid-work, the user signs in again here, over the page: the page, its
 * open dialogs and what was typed stay, and the request that met the expiry is sent again.
 */
export function ReloginModal({ username, enabled }: { username: string | null; enabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const settle = useRef<((ok: boolean) => void) | null>(null);

  useEffect(() => {
    if (!enabled || !username) return;
    setReauthenticate(
      () =>
        new Promise<boolean>((resolve) => {
          settle.current = resolve;
          setError(null);
          form.resetFields();
          setOpen(true);
        }),
    );
    return () => setReauthenticate(null);
  }, [enabled, username, form]);

  const finish = (ok: boolean) => {
    setOpen(false);
    settle.current?.(ok);
    settle.current = null;
  };

  const submit = async () => {
    const { password } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await authApi.login(username!, password);
      finish(true);
    } catch (e) {
      setError(e instanceof ApiError && e.statusCode === 401 ? '密码错误' : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="登录已过期"
      okText="登录并继续"
      cancelText="退出登录"
      onOk={submit}
      onCancel={() => finish(false)}
      confirmLoading={busy}
      maskClosable={false}
      keyboard={false}
      zIndex={2000}
      okButtonProps={{ 'data-testid': 'relogin-submit' } as never}
      data-testid="relogin-modal"
    >
      <Typography.Paragraph>
        为保护数据安全，登录已过期。请输入 <strong>{username}</strong> 的密码继续，当前页面和已填写的内容都会保留。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="relogin-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus data-testid="relogin-password" onPressEnter={submit} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
