import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Open } from 'unzipper';
import { AppError, type ErrorDetail } from '../../core/errors/app-error.js';
import type { RawRow } from './ledger-rows.js';

/** What a ledger workbook may inflate to, in total (20,000 honest rows are a few tens of MB). */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
/** Inflation ratio above which a part of at least MIN_RATIO_CHECK_BYTES is a zip bomb (honest XML: ≤ 30). */
export const MAX_RATIO = 200;
const MIN_RATIO_CHECK_BYTES = 1024 * 1024;
/** Heap of the worker that parses one workbook; past it the worker dies, not the API. */
export const WORKER_HEAP_MB = 256;
/** A workbook that takes longer than this to parse is refused. */
export const WORKER_TIMEOUT_MS = 60_000;

const NOT_XLSX = '文件不是有效的 .xlsx 工作簿，请用 Excel 或 WPS 另存为 .xlsx（Excel 工作簿）后再导入';
const ODS = '这是 OpenDocument 表格（.ods）文件，系统只能导入 .xlsx：请用 WPS、Excel 或 LibreOffice “另存为” Excel 工作簿（.xlsx）后再导入';
const LEGACY_XLS = '这是旧版 Excel 97-2003 工作簿（.xls），系统只能导入 .xlsx：请用 Excel 或 WPS “另存为” Excel 工作簿（.xlsx）后再导入';
const notXlsx = (message: string) => AppError.unprocessable('invalid_file', message, [{ row: 0, message }]);

/** An OLE2 compound document (the .xls of Excel 97-2003) starts with D0 CF 11 E0 A1 B1 1A E1. */
async function isLegacyXls(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch(() => null);
  if (!fh) return false;
  try {
    const { buffer } = await fh.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  } finally {
    await fh.close();
  }
}

const tooLarge = (message: string) => new AppError(413, 'file_too_large', message, [{ row: 0, message }]);

/**
 * Reads the zip's central directory only (no inflating) and refuses, before any parsing, a workbook
 * that declares more than MAX_UNCOMPRESSED_BYTES or a part inflating more than MAX_RATIO times.
 * Sizes a forged directory understates are caught by the worker's heap limit instead.
 */
export async function checkZipDirectory(path: string): Promise<void> {
  let files: { path: string; compressedSize: number; uncompressedSize: number; buffer: () => Promise<Buffer> }[];
  try {
    files = (await Open.file(path)).files;
  } catch {
    throw notXlsx(await isLegacyXls(path) ? LEGACY_XLS : NOT_XLSX);
  }
  if (!files.some((f) => f.path === 'xl/workbook.xml')) {
    const mimetype = files.find((f) => f.path === 'mimetype' && f.uncompressedSize < 200);
    const kind = mimetype ? (await mimetype.buffer().catch(() => Buffer.alloc(0))).toString('latin1') : '';
    throw notXlsx(kind.includes('opendocument.spreadsheet') ? ODS : NOT_XLSX);
  }
  let total = 0;
  for (const f of files) {
    total += f.uncompressedSize;
    if (f.uncompressedSize >= MIN_RATIO_CHECK_BYTES && f.uncompressedSize > MAX_RATIO * Math.max(1, f.compressedSize)) {
      throw tooLarge(`文件中的 ${f.path} 压缩比异常（${Math.round(f.uncompressedSize / Math.max(1, f.compressedSize))} 倍），疑似压缩炸弹，已拒绝`);
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) throw tooLarge(`文件解压后达 ${Math.round(total / 1048576)} MB，超过 ${MAX_UNCOMPRESSED_BYTES / 1048576} MB 上限`);
}

/**
 * Dates cross the thread boundary as ISO strings in a marker object: a structured-clone Date belongs
 * to the receiving context's default realm, which `instanceof Date` elsewhere may not recognise.
 */
export function encodeDates(row: RawRow): RawRow {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.values)) values[k] = v instanceof Date ? { $date: v.toISOString() } : v;
  return { ...row, values };
}

function decodeDates(row: RawRow): RawRow {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.values)) {
    const iso = v && typeof v === 'object' && typeof (v as { $date?: unknown }).$date === 'string' ? (v as { $date: string }).$date : undefined;
    values[k] = iso ? new Date(iso) : v;
  }
  return { ...row, values };
}

type WorkerReply<T> = { ok: true; rows: T[] } | { ok: false; details?: ErrorDetail[]; reason?: string; message: string };

/**
 * A worker script `relative` to the module at `base` (its import.meta.url): next to it when built;
 * under dist/ when this runs from src/ (tests).
 */
export function workerScript(relative: string, base: string): URL {
  const url = new URL(relative, base);
  if (existsSync(fileURLToPath(url))) return url;
  const built = fileURLToPath(url).replace(/([\\/])src([\\/])(?!.*[\\/]src[\\/])/, '$1dist$2');
  if (existsSync(built)) return new URL(`file://${built}`);
  throw new Error(`worker script not found next to ${fileURLToPath(url)} (build the API first)`);
}

/**
 * Parses an uploaded workbook off the main thread: zip directory check first, then readLedgerRows in
 * a worker thread with a heap limit and a deadline. A bomb or an oversized part answers 413, a bad
 * workbook 422 (LedgerFileError details), and the API's event loop and heap are never at stake.
 */
export async function readLedgerRowsIsolated(path: string, opts: { heapMb?: number; timeoutMs?: number } = {}): Promise<RawRow[] | { fileErrors: ErrorDetail[] }> {
  await checkZipDirectory(path);
  // exceljs's streaming reader now and then fails on a valid workbook (WorksheetReader.parse reads the
  // styles' model before it is loaded; root cause in exceljs, open): the file is on disk, so up to three
  // parses tell a bad file from that.
  const parse = async () => {
    const result = await parseFileInWorker<RawRow>(workerScript('./ledger-read.worker.js', import.meta.url), path, opts);
    return Array.isArray(result) ? result.map(decodeDates) : result;
  };
  let result = await parse();
  for (let attempt = 1; attempt <= 3 && !Array.isArray(result) && isUnreadable(result.fileErrors); attempt++) {
    // Logged so that a valid file refused under load shows why (the user reads only "not a valid .xlsx").
    logger.warn({ path, attempt, reason: result.reason }, 'workbook could not be parsed');
    if (attempt < 3) result = await parse();
  }
  return Array.isArray(result) ? result : { fileErrors: result.fileErrors };
}

const logger = new Logger('LedgerFileGuard');

function isUnreadable(errors: ErrorDetail[]): boolean {
  return errors.length === 1 && errors[0].row === 0 && errors[0].message.startsWith('文件不是有效的 .xlsx');
}

/**
 * Runs one parse of the file at `path` in a worker thread (`script` posts {ok, rows} or {ok: false,
 * details?, message}) with a heap limit and a deadline: a worker out of memory, killed or late
 * answers 413; file errors come back as `fileErrors`; anything else is thrown.
 */
export async function parseFileInWorker<T>(script: URL, path: string, opts: { heapMb?: number; timeoutMs?: number } = {}): Promise<T[] | { fileErrors: ErrorDetail[]; reason?: string }> {
  const worker = new Worker(script, {
    workerData: { path },
    resourceLimits: { maxOldGenerationSizeMb: opts.heapMb ?? WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  });
  try {
    const reply = await new Promise<WorkerReply<T>>((resolve, reject) => {
      const timer = setTimeout(() => reject(tooLarge('文件解析超时，请减少行数或内容后分批导入')), opts.timeoutMs ?? WORKER_TIMEOUT_MS);
      worker.once('message', (m: WorkerReply<T>) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.once('error', (err: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge('文件内容过大，解析所需内存超过上限') : err);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(tooLarge(`文件解析中止（退出码 ${code}），内容可能过大`));
      });
    });
    if (reply.ok) return reply.rows;
    if (reply.details) return { fileErrors: reply.details, reason: reply.reason };
    throw new Error(reply.message);
  } finally {
    await worker.terminate();
  }
}
