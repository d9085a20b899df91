import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorText } from '../../../api';
import { useSession } from '../hooks/useSession';
import { usePageTitle } from '../../../components/usePageTitle';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  usePageTitle('登录');
  const { status, login, signedOutReason } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (status === 'signedIn') return <Navigate to={from} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(from, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 401) setError('用户名或密码错误');
      else setError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-brand">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            生态环境问题发现与整改闭环系统
          </Typography.Title>
          <Typography.Text type="secondary">EcoLoop · 发现 → 交办 → 整改 → 销号 → 回头看</Typography.Text>
        </div>
      </div>
      <Card className="login-card" title="用户登录">
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        {!error && signedOutReason && (
          <Alert type="warning" showIcon title={signedOutReason} style={{ marginBottom: 16 }} data-testid="login-reason" />
        )}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="用户名" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              placeholder="密码"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="login-footer">
        嘉兴市生态环境局 · 问题发现“三大十招”闭环管理
      </Typography.Text>
    </div>
  );
}
