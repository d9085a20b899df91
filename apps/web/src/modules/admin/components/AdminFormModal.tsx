import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';

/** The create / edit dialog of the admin tabs; `testId` names its submit button and error. */
export function AdminFormModal(props: {
  title: string;
  okText: string;
  testId: string;
  saving: boolean;
  error: string | null;
  onOk: () => void;
  onCancel: () => void;
  notice?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText="取消"
      onOk={props.onOk}
      onCancel={props.onCancel}
      okButtonProps={{ loading: props.saving, 'data-testid': `${props.testId}-submit` } as never}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {props.notice}
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 12 }} data-testid={`${props.testId}-error`} />}
      {props.children}
    </Modal>
  );
}
