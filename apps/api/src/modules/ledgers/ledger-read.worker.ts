// Worker thread of readLedgerRowsIsolated: parses one workbook and posts its rows (or its file errors).
import { parentPort, workerData } from 'node:worker_threads';
import { encodeDates } from './ledger-file-guard.js';
import { LedgerFileError, readLedgerRows } from './ledger-xlsx-read.js';

const { path } = workerData as { path: string };
readLedgerRows(path).then(
  (rows) => parentPort!.postMessage({ ok: true, rows: rows.map(encodeDates) }),
  (err: unknown) =>
    parentPort!.postMessage(
      err instanceof LedgerFileError ? { ok: false, details: err.details, reason: err.reason, message: 'file errors' } : { ok: false, message: (err as Error)?.message ?? String(err) },
    ),
);
