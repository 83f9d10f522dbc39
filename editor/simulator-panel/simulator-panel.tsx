/**
 * The simulator panel: place a pretend call to the flow being edited — at a chosen time in
 * Japan, from a chosen kind of number — and answer what it asks, step by step, on the same
 * engine live calls use. The canvas lights up the path as the call moves (via the store).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCaller } from '../model/sim-caller.ts';
import { localValueToIso, tokyoLocalValue } from '../model/sim-time.ts';
import { useEditor } from '../state/editor-store.ts';
import { CallControls } from './call-controls.tsx';
import { CallSetup, type CallSetupValue } from './call-setup.tsx';
import { CallSummary } from './call-summary.tsx';
import { TestCaseExport } from './test-case-export.tsx';
import { TranscriptView } from './transcript-view.tsx';
import { useSimulation } from './use-simulation.ts';
import './simulator-panel.css';

export function SimulatorPanel() {
  const { t } = useTranslation('simulator');
  const flow = useEditor((s) => s.flow);
  const schedules = useEditor((s) => s.schedules);
  const hasErrors = useEditor((s) => s.issues.some((i) => i.severity === 'error'));
  const [setup, setSetup] = useState<CallSetupValue>(() => ({
    local: tokyoLocalValue(new Date()),
    from: defaultCaller,
  }));
  const [exporting, setExporting] = useState(false);
  const { run, start, act, reset } = useSimulation();
  const at = localValueToIso(setup.local);
  const from = setup.from.trim();

  const call = () => {
    if (!flow || !at || from === '') return;
    setExporting(false);
    start(flow, schedules, { at, from });
  };
  const clear = () => {
    setExporting(false);
    reset();
  };

  return (
    <div className="sim-panel">
      <p className="sim-muted">{t('intro')}</p>
      <CallSetup value={setup} onChange={setSetup} flow={flow} schedules={schedules} />
      {!flow && <p className="sim-muted">{t('noFlow')}</p>}
      {flow && hasErrors && !run && <p className="sim-warning">{t('flowErrors')}</p>}
      <div className="sim-row">
        {run ? (
          // Starting over dials again with the settings and the flow as they are now.
          <button
            type="button"
            className="button primary"
            onClick={call}
            disabled={!flow || !at || from === ''}
            data-testid="sim-restart"
          >
            {t('restart')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary sim-call"
            onClick={call}
            disabled={!flow || !at || from === ''}
            data-testid="sim-start"
          >
            {t('start')}
          </button>
        )}
        {run && (
          <button
            type="button"
            className="button"
            aria-expanded={exporting}
            onClick={() => setExporting((open) => !open)}
            data-testid="sim-save-test"
          >
            {t('testCase.save')}
          </button>
        )}
        {run && (
          <button type="button" className="button" onClick={clear} data-testid="sim-clear">
            {t('clear')}
          </button>
        )}
      </div>
      {run && flow !== run.flow && <p className="sim-warning">{t('flowChanged')}</p>}
      {run?.problem && (
        <p className="sim-warning" role="alert">
          {t('problem', { message: run.problem })}
        </p>
      )}
      {run && <CallControls run={run} act={act} />}
      <TranscriptView flow={run?.flow ?? flow} entries={run?.entries ?? []} />
      <CallSummary run={run} />
      {run && exporting && <TestCaseExport run={run} />}
    </div>
  );
}
