// Printable documents sent to petitioners (信访工作条例 art. 22, 32): 受理告知书, 不予受理告知书,
// 处理意见书, as HTML ready for the browser's print dialog. One page per petitioner, since each gets it.
import { PETITION_LIMITS, shanghaiDate, type PetitionChannel } from '@ecoloop/workflow';
import type { PetitionerRow, PetitionRow } from './petitions.repository.js';

export const PETITION_DOCUMENTS = ['acceptance-notice', 'non-acceptance-notice', 'handling-opinion'] as const;
export type PetitionDocument = (typeof PETITION_DOCUMENTS)[number];

export const DOCUMENT_TITLES: Record<PetitionDocument, string> = {
  'acceptance-notice': '信访事项受理告知书',
  'non-acceptance-notice': '信访事项不予受理告知书',
  'handling-opinion': '信访事项处理意见书',
};

const CHANNEL_LABELS: Record<PetitionChannel, string> = {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  online: '网上信访',
  hotline_12345: '12345热线',
  hotline_12369: '12369环保举报热线',
  inspection_transfer: '督察转办',
};

export interface DocumentInput {
  document: PetitionDocument;
  /** The petition number: the case code. */
  code: string;
  bureau: string;
  petition: PetitionRow;
  petitioners: PetitionerRow[];
  /** 不予受理 reason, or the latest 处理意见 text. */
  text: string | null;
  /** When the decision was made (declined / replied). */
  decidedAt: string | null;
  /** The reason of the extension, when the reply limit was extended. */
  extensionReason: string | null;
}

/** Escapes user text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** 2026年10月8日 (Asia/Shanghai). */
export function chineseDate(iso: string): string {
  const [y, m, d] = shanghaiDate(new Date(iso)).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p class="body">${escapeHtml(line.trim())}</p>`)
    .join('');
}

function addressee(p: PetitionerRow): string {
  return p.anonymous || !p.name ? '信访人' : p.name;
}

function body(input: DocumentInput): string {
  const { petition: p } = input;
  const received = `你（们）于${chineseDate(p.receivedAt)}以${CHANNEL_LABELS[p.channel]}方式反映的问题收悉。`;
  const matter = `<p class="body">信访事项：${escapeHtml(p.content)}</p><p class="body">信访请求：${escapeHtml(p.request)}</p>`;
  switch (input.document) {
    case 'acceptance-notice':
      return `<p class="body">${received}</p>${matter}
        <p class="body">根据《信访工作条例》第二十二条规定，经审查，该信访事项属于本机关法定职权范围，本机关决定予以受理，
        将自受理之日起${PETITION_LIMITS.replyDays}日内作出处理意见，并书面答复你（们）。情况复杂的，经批准可以适当延长办理期限，
        但延长期限不超过${PETITION_LIMITS.extensionMaxDays}日，并将延期理由告知你（们）。</p>
        <p class="body">受理日期：${p.acceptedAt ? chineseDate(p.acceptedAt) : ''}；答复期限：${p.replyDueAt ? `${chineseDate(p.replyDueAt)}前` : '按规定期限'}。</p>
        <p class="body">特此告知。</p>`;
    case 'non-acceptance-notice':
      return `<p class="body">${received}</p>${matter}
        <p class="body">根据《信访工作条例》第二十二条规定，经审查，本机关决定对该信访事项不予受理，理由如下：</p>
        ${paragraphs(input.text ?? '')}
        <p class="body">特此告知。</p>`;
    case 'handling-opinion':
      return `<p class="body">${received}本机关于${p.acceptedAt ? chineseDate(p.acceptedAt) : ''}受理。</p>${matter}
        ${input.extensionReason ? `<p class="body">因${escapeHtml(input.extensionReason)}，本机关已依法延长办理期限至${p.replyDueAt ? chineseDate(p.replyDueAt) : ''}。</p>` : ''}
        <p class="body">经调查核实，现提出处理意见如下：</p>
        ${paragraphs(input.text ?? '')}
        <p class="body">如对本处理意见不服，可以自收到本意见书之日起${PETITION_LIMITS.reviewRequestDays}日内向本机关的上一级机关请求复查。</p>`;
  }
}

/** The printable HTML of one document, one page per petitioner. */
export function renderPetitionDocument(input: DocumentInput): string {
  const title = DOCUMENT_TITLES[input.document];
  const dated = chineseDate(input.decidedAt ?? new Date().toISOString());
  const recipients = input.petitioners.length ? input.petitioners : [null];
  const pages = recipients
    .map(
      (p) => `<section class="page">
  <h1>${escapeHtml(input.bureau)}</h1>
  <h2>${title}</h2>
  <p class="number">信访件编号：${escapeHtml(input.code)}</p>
  <p class="to">${escapeHtml(p ? addressee(p) : '信访人')}：</p>
  ${body(input)}
  <p class="sign">${escapeHtml(input.bureau)}<br />${dated}</p>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>${title} ${escapeHtml(input.code)}</title>
<style>
  body { font-family: "FangSong", "STFangsong", "仿宋", serif; font-size: 16pt; line-height: 1.8; margin: 0; color: #000; }
  .page { width: 156mm; margin: 0 auto; padding: 30mm 0; page-break-after: always; }
  .page:last-child { page-break-after: auto; }
  h1 { font-family: "SimHei", "黑体", sans-serif; text-align: center; font-size: 20pt; color: #c00; margin: 0; }
  h2 { font-family: "SimHei", "黑体", sans-serif; text-align: center; font-size: 22pt; margin: 12pt 0; }
  .number { text-align: right; font-size: 12pt; }
  .body { text-indent: 2em; margin: 6pt 0; white-space: pre-wrap; }
  .sign { text-align: right; margin-top: 36pt; }
  @media print { @page { size: A4; margin: 0; } }
</style>
</head>
<body>
${pages}
</body>
</html>`;
}
