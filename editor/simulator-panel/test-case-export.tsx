/**
 * 「テストケースとして保存」: the call just tried by hand becomes a flow-test file
 * (`<flowId>.test.json`, next to the flow's flow.json) that `flowcall test` runs after every
 * change. Downloaded as a file, or copied for pasting into an existing test file.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callerKind, dayInfo, tokyoLocalValue } from '../model/sim-setup.ts';
import { buildTestCase, testDocumentText } from '../model/sim-test-case.ts';
import { useEditor } from '../state/editor-store.ts';
import type { SimulationRun } from './use-simulation.ts';
import { stepText } from './wording.ts';

function useDefaultName(run: SimulationRun): string {
  const { t } = useTranslation('simulator');
  const local = tokyoLocalValue(new Date(run.setup.at));
  const day = dayInfo(local);
  const when = day
    ? t('testCase.when', {
        day: t('setup.day', {
          month: Number(day.date.slice(5, 7)),
          day: Number(day.date.slice(8, 10)),
          weekday: day.holiday ?? t(`weekdays.${day.weekday}`),
        }),
        time: local.slice(11),
      })
    : run.setup.at;
  const callerIs = callerKind(run.setup.from);
  const kind = callerIs === 'anonymous' || callerIs === 'mobile' ? callerIs : 'landline';
  const steps = run.steps.map((s) => stepText(t, s)).join('、') || t('testCase.noSteps');
  return t('testCase.defaultName', { when, caller: t(`testCase.caller.${kind}`), steps });
}

export function TestCaseExport({ run }: { run: SimulationRun }) {
  const { t } = useTranslation('simulator');
  const id = useId();
  const schedules = useEditor((s) => s.schedules);
  const defaultName = useDefaultName(run);
  const [name, setName] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const text = useMemo(
    () =>
      testDocumentText(
        buildTestCase(
          run.flow,
          {
            name: (name ?? defaultName).trim() || defaultName,
            at: run.setup.at,
            from: run.setup.from,
            script: run.steps,
          },
          schedules,
        ),
      ),
    [run, name, defaultName, schedules],
  );
  const file = `${run.flow.id}.test.json`;

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file;
    link.click();
    // Revoked on the next tick: the click has started the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(t('testCase.downloaded', { file }));
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('testCase.copied'));
    } catch {
      setStatus(t('testCase.copyFailed'));
    }
  };

  return (
    <section className="sim-test-case" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('testCase.title')}</h3>
      <p className="sim-muted">{t('testCase.help')}</p>
      <label htmlFor={`${id}-name`}>{t('testCase.name')}</label>
      <input id={`${id}-name`} value={name ?? defaultName} onChange={(e) => setName(e.target.value)} />
      <div className="sim-row">
        <button type="button" className="button primary" onClick={download} data-testid="sim-download-test">
          {t('testCase.download')}
        </button>
        <button type="button" className="button" onClick={() => void copy()}>
          {t('testCase.copy')}
        </button>
      </div>
      <p className="sim-status" role="status">
        {status}
      </p>
      <details>
        <summary>{t('testCase.preview')}</summary>
        <pre className="sim-json" data-testid="sim-test-json">
          {text}
        </pre>
      </details>
    </section>
  );
}
