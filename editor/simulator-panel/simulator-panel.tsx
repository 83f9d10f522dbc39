/**
 * The simulator panel: place a pretend call to the flow being edited — at a chosen time in
 * Japan, from a chosen kind of number — and answer what it asks, step by step, on the same
 * engine live calls use. The canvas lights up the path as the call moves (via the store).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCaller, localValueToIso, tokyoLocalValue } from '../model/sim-setup.ts';
import { useEditor } from '../state/editor-store.ts';
import { CallControls } from './call-controls.tsx';
import { CallSetup, CallSetupSummary, type CallSetupValue } from './call-setup.tsx';
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
  const [editingSetup, setEditingSetup] = useState(false);
  const { run, start, act, reset } = useSimulation();
  const controls = useRef<HTMLDivElement>(null);
  const at = localValueToIso(setup.local);
  const from = setup.from.trim();
  const canCall = flow !== null && at !== undefined && from !== '';

  const call = () => {
    if (!flow || !at || from === '') return;
    setExporting(false);
    setEditingSetup(false);
    start(flow, schedules, { at, from });
  };
  const clear = () => {
    setExporting(false);
    setEditingSetup(false);
    reset();
  };

  // After every step, what the caller can do next (or the result) comes into view, and the
  // focus moves there when the user was working the call (the start button, or a control the
  // step removed), so a keyboard user can keep answering without hunting for the next control.
  const steps = run?.entries.length ?? 0;
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = controls.current;
    if (steps === 0 || !box) return;
    box.scrollIntoView({ block: 'nearest' });
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) {
      // Still answering with a control that stayed, or busy elsewhere (the canvas): leave it.
      if (box.contains(active) || !panel.current?.contains(active)) return;
    }
    const next =
      box.querySelector<HTMLElement>('textarea, .sim-key, .sim-inline input, .sim-outcomes button') ??
      box.querySelector<HTMLElement>('[data-testid="sim-result"]');
    next?.focus({ preventScroll: true });
  }, [steps]);

  return (
    <div className="sim-panel" ref={panel}>
      {!run && <p className="sim-muted">{t('intro')}</p>}
      {!run || editingSetup ? (
        <CallSetup value={setup} onChange={setSetup} flow={flow} schedules={schedules} />
      ) : (
        <CallSetupSummary setup={run.setup} onEdit={() => setEditingSetup(true)} />
      )}
      {!flow && <p className="sim-muted">{t('noFlow')}</p>}
      {flow && hasErrors && !run && <p className="sim-warning">{t('flowErrors')}</p>}
      <div className="sim-row">
        {run ? (
          // Starting over dials again with the settings and the flow as they are now.
          <button
            type="button"
            className="button primary"
            onClick={call}
            disabled={!canCall}
            data-testid="sim-restart"
          >
            {t('restart')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary sim-call"
            onClick={call}
            disabled={!canCall}
            data-testid="sim-start"
          >
            {t('start')}
          </button>
        )}
        {run && (
          <button type="button" className="button" onClick={clear} data-testid="sim-clear">
            {t('clear')}
          </button>
        )}
      </div>
      {run && flow !== run.flow && <p className="sim-warning">{t('flowChanged')}</p>}
      <TranscriptView flow={run?.flow ?? flow} entries={run?.entries ?? []} />
      <div ref={controls} className="sim-after-transcript">
        {run?.problem && (
          <p className="sim-warning" role="alert">
            {t('problem', { message: run.problem })}
          </p>
        )}
        {run && <CallControls run={run} act={act} />}
        <CallSummary run={run} />
      </div>
      {run && (
        <button
          type="button"
          className="button sim-save-test"
          aria-expanded={exporting}
          onClick={() => setExporting((open) => !open)}
          data-testid="sim-save-test"
        >
          {t('testCase.save')}
        </button>
      )}
      {run && exporting && <TestCaseExport run={run} />}
    </div>
  );
}
