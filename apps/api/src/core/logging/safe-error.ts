import { QueryFailedError } from 'typeorm';

/** What the logs may say about an error: never bound parameters, SQL text or the driver's detail (PII). */
export interface SafeError {
  type: string;
  message: string;
  /** PostgreSQL SQLSTATE, ioredis/Node error code. */
  code?: string;
  table?: string;
  constraint?: string;
  routine?: string;
  stack?: string;
}

/** Stack frames only: the first line repeats the message, which may carry values. */
function framesOf(err: Error): string | undefined {
  return err.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') || undefined;
}

/**
 * A log-safe view of any error. Database errors lose their parameters, query and driver message
 * (PostgreSQL quotes the offending value: `invalid input syntax for type uuid: "…"`, `Key (phone)=(…)`);
 * what remains (SQLSTATE, table, constraint, routine, frames) is enough to find the fault.
 */
export function safeError(err: unknown): SafeError {
  if (err instanceof QueryFailedError) {
    const d = (err.driverError ?? {}) as { code?: string; table?: string; constraint?: string; routine?: string };
    return compact({ type: 'QueryFailedError', message: `database error ${d.code ?? ''}`.trim(), code: d.code, table: d.table, constraint: d.constraint, routine: d.routine, stack: framesOf(err) });
  }
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return compact({ type: err.name, message: err.message, code: typeof code === 'string' ? code : undefined, stack: framesOf(err) });
  }
  return { type: typeof err, message: 'non-error thrown' };
}

function compact(e: SafeError): SafeError {
  for (const key of Object.keys(e) as (keyof SafeError)[]) if (e[key] === undefined) delete e[key];
  return e;
}
