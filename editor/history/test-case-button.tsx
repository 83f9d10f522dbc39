/**
 * 「テストケースにする」: one click turns the call's real inputs and time into a flow-test file.
 * There is no API that stores tests with a flow (they live next to flow.json, where `flowcall
 * test` and CI read them), so the file is downloaded.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyApi } from '../api/history-client.ts';
import { testCaseFileName } from '../model/history-format.ts';
import { saveFile } from '../pages/save-file.ts';

export function TestCaseButton({ callId }: { callId: string }) {
  const { t } = useTranslation('history');
  const { t: tp } = useTranslation('pages');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; lines: string[] }>();
  const make = async () => {
    setBusy(true);
    try {
      const result = await historyApi.testCase(callId);
      const file = testCaseFileName(result.flowId, callId);
      saveFile(
        new Blob([`${JSON.stringify(result.document, null, 2)}\n`], { type: 'application/json' }),
        file,
      );
      const lines = [t('detail.testCaseSaved', { file })];
      if (!result.replays.passed)
        lines.push(t('detail.testCaseReplayFails', { reasons: result.replays.reasons.join(' / ') }));
      setStatus({ ok: result.replays.passed, lines });
    } catch (error) {
      setStatus({
        ok: false,
        lines: [tp('actionError', { message: error instanceof Error ? error.message : String(error) })],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="history-test-case">
      <button
        type="button"
        className="button primary"
        onClick={() => void make()}
        disabled={busy}
        data-testid="make-test-case"
      >
        {busy ? tp('working') : t('detail.testCase')}
      </button>
      <p className="field-help">{t('detail.testCaseHelp')}</p>
      <div role="status">
        {status?.lines.map((line) => (
          <p key={line} className={status.ok ? 'notice ok' : 'notice warn'}>
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}
