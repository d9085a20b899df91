import { FileOutlined, PaperClipOutlined, WarningOutlined } from '@ant-design/icons';
import { Empty, Image, Skeleton, Tooltip, Typography } from 'antd';
import { useAttachmentBlob } from '../hooks/useAttachmentBlob';
import type { AttachmentLike } from '../types';

function formatSize(n?: number | null): string {
  if (!n) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function Tile({ meta, size }: { meta: AttachmentLike; size: number }) {
  const blob = useAttachmentBlob(meta.id);
  const isImage = (meta.mime ?? blob.type ?? '').startsWith('image/');
  const name = meta.originalName ?? blob.fileName ?? '附件';
  if (blob.loading) return <Skeleton.Image active style={{ width: size, height: size }} />;
  if (blob.error)
    return (
      <Tooltip title={blob.error}>
        <div className="attachment-file" style={{ width: size, height: size }}>
          <WarningOutlined />
          <span>无法加载</span>
        </div>
      </Tooltip>
    );
  if (isImage && blob.url)
    return (
      <Image
        src={blob.url}
        alt={name}
        width={size}
        height={size}
        style={{ objectFit: 'cover', borderRadius: 6 }}
        data-testid="attachment-image"
      />
    );
  return (
    <a href={blob.url} download={name} className="attachment-file" style={{ width: size, height: size }}>
      <FileOutlined style={{ fontSize: 24 }} />
      <Typography.Text ellipsis style={{ maxWidth: size - 12, fontSize: 12 }}>
        {name}
      </Typography.Text>
      <span style={{ fontSize: 11, color: '#888' }}>{formatSize(meta.size)}</span>
    </a>
  );
}

/** Thumbnails with click-to-preview for images, download links for other files. */
export function AttachmentGallery({ items, size = 104, emptyText }: { items: AttachmentLike[]; size?: number; emptyText?: string }) {
  if (!items.length)
    return emptyText === undefined ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Image.PreviewGroup>
      <div className="attachment-grid" data-testid="attachments">
        {items.map((a) => (
          <Tile key={a.id} meta={a} size={size} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

export function AttachmentCount({ n }: { n: number }) {
  return n ? (
    <span style={{ color: '#888' }}>
      <PaperClipOutlined /> {n}
    </span>
  ) : null;
}
