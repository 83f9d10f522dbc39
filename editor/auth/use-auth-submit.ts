/**
 * Sending an account form: busy while the request runs (a second Enter does nothing), and the
 * failure as words for people — the server's own message (Japanese, or English), the wait on
 * 429 (Retry-After), or "could not reach the server" when the request never got an answer.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { waitAmount } from './auth-routes.ts';

export function useAuthSubmit() {
  const { t } = useTranslation('auth');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ status: number; message: string }>();
  const running = useRef(false);

  const describe = useCallback(
    (failure: unknown): { status: number; message: string } => {
      if (failure instanceof ApiError && failure.status === 429) {
        const amount = waitAmount(failure.retryAfterSeconds ?? 60);
        return {
          status: 429,
          message: t('login.tooMany', { wait: t(`wait.${amount.unit}`, { count: amount.count }) }),
        };
      }
      if (failure instanceof ApiError) return { status: failure.status, message: failure.message };
      const message = failure instanceof Error ? failure.message : String(failure);
      return { status: 0, message: t('problems.unreachable', { message }) };
    },
    [t],
  );

  /** Runs `send`; resolves true when it succeeded (the error is shown otherwise). */
  const submit = useCallback(
    async (send: () => Promise<void>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(undefined);
      try {
        await send();
        return true;
      } catch (failure) {
        setError(describe(failure));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [describe],
  );

  return { busy, error, submit, clearError: () => setError(undefined) };
}
