import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title with a line under it saying what the page is for (the left side of `.page-head`). */
export function PageHeading({ title, subtitle }: { title: string; subtitle: ReactNode }) {
  return (
    <div>
      <Typography.Title level={4} className="page-title">
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{subtitle}</Typography.Text>
    </div>
  );
}
