import { useState } from 'react';
import { errorText } from '../api';

/**
 * Saving state of a form: `run` shows the server's refusal in the form instead of throwing.
 * `failure` puts a refusal in words (default: the server's message).
 */
export function useSaving(failure: (e: unknown) => string = errorText) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(failure(e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, run };
}
