// Submit that survives a bad signal: transient failures (offline, 5xx, 429) are retried with
// backoff and again when the browser comes back online — always with the draft's Idempotency-Key,
// so the server creates the case once however many times the request arrives.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from '../../../api';

export type SubmitStatus =
  | { kind: 'idle' }
  | { kind: 'sending'; attempt: number }
  | { kind: 'waiting'; attempt: number; retryInMs: number; reason: string }
  | { kind: 'failed'; message: string }
  | { kind: 'done' };

const BACKOFF = [2_000, 4_000, 8_000, 15_000, 30_000];

export function useResilientSubmit<T>(send: () => Promise<T>, onSuccess: (result: T) => void) {
  const [status, setStatus] = useState<SubmitStatus>({ kind: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  const attempt = useRef(0);
  const active = useRef(false);
  const sendRef = useRef(send);
  sendRef.current = send;
  const successRef = useRef(onSuccess);
  successRef.current = onSuccess;

  const run = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (!active.current) return;
    attempt.current += 1;
    setStatus({ kind: 'sending', attempt: attempt.current });
    try {
      const result = await sendRef.current();
      active.current = false;
      setStatus({ kind: 'done' });
      successRef.current(result);
    } catch (e) {
      if (!active.current) return;
      if (e instanceof ApiError && e.isTransient) {
        const wait = BACKOFF[Math.min(attempt.current - 1, BACKOFF.length - 1)];
        setStatus({
          kind: 'waiting',
          attempt: attempt.current,
          retryInMs: wait,
          reason: e.isNetwork || !navigator.onLine ? '网络不可用' : e.displayMessage,
        });
        timer.current = window.setTimeout(() => void run(), wait);
      } else {
        active.current = false;
        setStatus({ kind: 'failed', message: errorText(e) });
      }
    }
  }, []);

  const start = useCallback(() => {
    if (active.current) return;
    active.current = true;
    attempt.current = 0;
    void run();
  }, [run]);

  const cancel = useCallback(() => {
    active.current = false;
    window.clearTimeout(timer.current);
    setStatus({ kind: 'idle' });
  }, []);

  useEffect(() => {
    const online = () => {
      if (active.current) void run();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(timer.current);
    };
  }, [run]);

  return { status, start, cancel, busy: status.kind === 'sending' || status.kind === 'waiting' };
}
