// Worker thread of readEnterpriseRowsIsolated: parses one registry workbook and posts its rows (or its file errors).
import { parentPort, workerData } from 'node:worker_threads';
import { EnterpriseFileError, readEnterpriseRows } from './enterprise-xlsx.js';

const { path } = workerData as { path: string };
readEnterpriseRows(path).then(
  (rows) => parentPort!.postMessage({ ok: true, rows }),
  (err: unknown) =>
    parentPort!.postMessage(
      err instanceof EnterpriseFileError ? { ok: false, details: err.details, message: 'file errors' } : { ok: false, message: (err as Error)?.message ?? String(err) },
    ),
);
