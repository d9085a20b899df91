import { Button, Popconfirm } from 'antd';

/**
 * 停用 in a row of an admin list, after a confirmation that says what it means. With
 * `disabledReason` the button is off and says why.
 */
export function DeactivateButton({ name, consequence, onConfirm, disabledReason }: { name: string; consequence: string; onConfirm(): void; disabledReason?: string }) {
  const disabled = disabledReason !== undefined;
  return (
    <Popconfirm title={`停用 ${name}？`} description={consequence} okText="停用" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={onConfirm} disabled={disabled}>
      <Button type="link" size="small" danger disabled={disabled} title={disabledReason}>
        停用
      </Button>
    </Popconfirm>
  );
}
