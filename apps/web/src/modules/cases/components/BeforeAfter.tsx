// 整改前后对比: the photos of the report beside those of the (latest) completion, for the person
// completing the work and for the one signing it off.
import { Col, Empty, Row, Typography } from 'antd';
import type { AttachmentLike, Case, CaseEvent } from '../types';
import { AttachmentGallery } from './AttachmentGallery';

/** The report's attachments and those of the latest submit_completion (by the event each was bound with). */
export function beforeAfter(kase: Case, events: CaseEvent[]): { before: AttachmentLike[]; after: AttachmentLike[]; completed: boolean } {
  const all = kase.attachments ?? [];
  const reportSeq = events.find((e) => e.action === 'report')?.seq ?? 1;
  const completion = [...events].reverse().find((e) => e.action === 'submit_completion');
  const byEvent = (seq: number, ids: string[] | undefined) => {
    const bound = all.filter((a) => a.eventSeq === seq);
    return bound.length ? bound : (ids ?? []).map((id) => all.find((a) => a.id === id) ?? { id });
  };
  const reportEvent = events.find((e) => e.seq === reportSeq);
  return {
    before: byEvent(reportSeq, reportEvent?.attachmentIds),
    after: completion ? byEvent(completion.seq, completion.attachmentIds) : [],
    completed: Boolean(completion),
  };
}

function Side({ title, items, testId, empty }: { title: string; items: AttachmentLike[]; testId: string; empty: string }) {
  return (
    <div className="before-after-side" data-testid={testId} data-count={items.length}>
      <Typography.Text strong>{title}</Typography.Text>
      {items.length ? <AttachmentGallery items={items} size={96} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />}
    </div>
  );
}

/** Two columns, side by side on every width. `after` may be a node (the completion's own upload). */
export function BeforeAfter({ before, after, afterNode }: { before: AttachmentLike[]; after?: AttachmentLike[]; afterNode?: React.ReactNode }) {
  return (
    <Row gutter={12} className="before-after" data-testid="before-after" wrap={false}>
      <Col span={12}>
        <Side title="整改前（上报时）" items={before} testId="before-photos" empty="上报时无照片" />
      </Col>
      <Col span={12}>
        {afterNode ?? <Side title="整改后（提交整改时）" items={after ?? []} testId="after-photos" empty="暂无整改照片" />}
      </Col>
    </Row>
  );
}
