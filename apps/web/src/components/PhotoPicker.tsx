// Pick or shoot photos (and, for evidence, PDFs), upload each at once to POST /attachments,
// and hand the attachment ids to the form. Failed uploads stay listed with a retry button,
// so a grid inspector with a weak signal loses nothing.
import { CameraOutlined, DeleteOutlined, FileOutlined, LoadingOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Image, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { errorText } from '../api';
import { attachmentsApi } from '../api/attachments';
import { newUuid } from '../lib/uuid';

export interface PickedFile {
  uid: string;
  name: string;
  size: number;
  type: string;
  /** Local object URL for the thumbnail. */
  preview?: string;
  status: 'uploading' | 'done' | 'error';
  id?: string;
  error?: string;
  file?: File;
}

interface Props {
  value?: PickedFile[];
  onChange?: (files: PickedFile[]) => void;
  /** `environment` opens the back camera on phones. */
  capture?: 'environment' | 'user';
  accept?: string;
  buttonText?: string;
  max?: number;
  testId?: string;
  disabled?: boolean;
}

const MAX_BYTES = 20 * 1024 * 1024;

/** The uploaded attachment ids of a picker value. */
export function uploadedIds(files: PickedFile[] | undefined): string[] {
  return (files ?? []).filter((f) => f.status === 'done' && f.id).map((f) => f.id!);
}

/** Form rule: at least `min` files, all uploaded. */
export function evidenceRule(min: number, label = '佐证材料') {
  return {
    validator: async (_: unknown, files?: PickedFile[]) => {
      const list = files ?? [];
      if (list.some((f) => f.status === 'uploading')) throw new Error('文件上传中，请稍候');
      if (list.some((f) => f.status === 'error')) throw new Error('有文件上传失败，请重试或删除');
      if (uploadedIds(list).length < min) throw new Error(`请上传至少 ${min} 个${label}`);
    },
  };
}

export function PhotoPicker({
  value = [],
  onChange,
  capture,
  accept = 'image/*',
  buttonText = '拍照 / 选择照片',
  max = 9,
  testId = 'photo-picker',
  disabled,
}: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;

  const patch = (uid: string, p: Partial<PickedFile>) => {
    const next = latest.current.map((f) => (f.uid === uid ? { ...f, ...p } : f));
    latest.current = next;
    onChange?.(next);
  };

  const upload = async (item: PickedFile) => {
    if (!item.file) return;
    patch(item.uid, { status: 'uploading', error: undefined });
    try {
      const res = await attachmentsApi.upload(item.file, item.name);
      patch(item.uid, { status: 'done', id: res.id });
    } catch (e) {
      patch(item.uid, { status: 'error', error: `上传失败：${errorText(e)}` });
    }
  };

  const onPick = (list: FileList | null) => {
    if (!list) return;
    const room = Math.max(0, max - latest.current.length);
    const added: PickedFile[] = Array.from(list)
      .slice(0, room)
      .map((file) => ({
        uid: newUuid(),
        name: file.name || 'photo.jpg',
        size: file.size,
        type: file.type,
        preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined,
        status: file.size > MAX_BYTES ? 'error' : 'uploading',
        error: file.size > MAX_BYTES ? '文件超过 20MB' : undefined,
        file,
      }));
    const next = [...latest.current, ...added];
    latest.current = next;
    onChange?.(next);
    for (const a of added) if (a.status === 'uploading') void upload(a);
    if (inputRef.current) inputRef.current.value = '';
  };

  const remove = (uid: string) => {
    const f = latest.current.find((x) => x.uid === uid);
    if (f?.preview) URL.revokeObjectURL(f.preview);
    const next = latest.current.filter((x) => x.uid !== uid);
    latest.current = next;
    onChange?.(next);
  };

  // Uploads that failed for want of a network go again when it comes back.
  useEffect(() => {
    const online = () => {
      for (const f of latest.current) if (f.status === 'error' && f.file && f.size <= MAX_BYTES) void upload(f);
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
    // Registered once; `latest` and `upload` are read when the network returns.
  }, []);

  useEffect(
    () => () => {
      for (const f of latest.current) if (f.preview) URL.revokeObjectURL(f.preview);
    },
    [],
  );

  return (
    <div className="photo-picker" data-testid={testId}>
      <div className="photo-grid">
        {value.map((f) => (
          <div key={f.uid} className={`photo-tile photo-${f.status}`} data-testid={`${testId}-item`} data-status={f.status}>
            {f.preview ? (
              <Image src={f.preview} alt={f.name} width={88} height={88} style={{ objectFit: 'cover' }} />
            ) : (
              <div className="photo-file">
                <FileOutlined />
                <Typography.Text ellipsis style={{ fontSize: 11, maxWidth: 80 }}>
                  {f.name}
                </Typography.Text>
              </div>
            )}
            <div className="photo-status">
              {f.status === 'uploading' && <LoadingOutlined />}
              {f.status === 'error' && (
                <Space size={2}>
                  <WarningOutlined style={{ color: '#e5484d' }} title={f.error} />
                  {f.file && f.size <= MAX_BYTES && (
                    <Button size="small" type="text" icon={<ReloadOutlined />} onClick={() => upload(f)} aria-label="重试" />
                  )}
                </Space>
              )}
            </div>
            <Button
              className="photo-remove"
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => remove(f.uid)}
              aria-label="删除"
              disabled={disabled}
            />
          </div>
        ))}
        {value.length < max && (
          <label className={`photo-add${disabled ? ' is-disabled' : ''}`}>
            <CameraOutlined style={{ fontSize: 22 }} />
            <span>{buttonText}</span>
            <input
              ref={inputRef}
              type="file"
              accept={accept}
              capture={capture}
              multiple={!capture}
              disabled={disabled}
              onChange={(e) => onPick(e.target.files)}
              data-testid={`${testId}-input`}
              style={{ display: 'none' }}
            />
          </label>
        )}
      </div>
      {value.some((f) => f.status === 'error') && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {value.find((f) => f.status === 'error')?.error}
        </Typography.Text>
      )}
    </div>
  );
}
