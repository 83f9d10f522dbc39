/**
 * What the tester can do now, depending on what the call waits for: keys (and speech when the
 * step listens for it) at a menu or number entry, a message at a voicemail, the staff phone's
 * answer at a transfer; silence where a step can time out, and hanging up at any time.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferOutcome } from '../../runtime/engine/types.ts';
import type { ScriptStep } from '../../runtime/simulator/types.ts';
import { Keypad } from './keypad.tsx';
import type { SimulationRun } from './use-simulation.ts';
import { nodeName } from './wording.ts';
import './call-controls.css';

const outcomes: TransferOutcome[] = ['answered', 'busy', 'no-answer', 'failed'];

interface Props {
  run: SimulationRun;
  act(step: ScriptStep): void;
}

export function CallControls({ run, act }: Props) {
  const { t } = useTranslation('simulator');
  const id = useId();
  const [speech, setSpeech] = useState('');
  const [recording, setRecording] = useState('');
  const waiting = run.waiting;
  if (!waiting) return null;
  const node = nodeName(run.flow, waiting.nodeId);
  const collecting = waiting.kind === 'menu' || waiting.kind === 'input';

  const say = (e: FormEvent) => {
    e.preventDefault();
    const text = speech.trim();
    if (!text) return;
    setSpeech('');
    act({ say: text });
  };
  const record = (e: FormEvent) => {
    e.preventDefault();
    const text = recording.trim();
    setRecording('');
    act({ record: text });
  };

  return (
    <section className="sim-controls" aria-labelledby={`${id}-waiting`}>
      <p id={`${id}-waiting`} className="sim-waiting">
        <span className="sim-dot" aria-hidden="true" />
        {t(`waiting.${waiting.kind}`, { node })}
      </p>

      {collecting && (
        <Keypad
          key={`${waiting.nodeId}-${waiting.attempt}`}
          collect={run.collect}
          onPress={(keys) => act({ press: keys })}
        />
      )}

      {collecting && run.listensForSpeech && (
        <form className="sim-inline-form" onSubmit={say}>
          <label htmlFor={`${id}-speech`}>{t('speech')}</label>
          <div className="sim-inline">
            <input id={`${id}-speech`} value={speech} onChange={(e) => setSpeech(e.target.value)} />
            <button type="submit" className="button" disabled={speech.trim() === ''}>
              {t('speak')}
            </button>
          </div>
          {run.collect?.speech?.hints.length ? (
            <p className="sim-hint">{t('speechHint', { hints: run.collect.speech.hints.join('、') })}</p>
          ) : null}
        </form>
      )}

      {waiting.kind === 'record' && (
        <form className="sim-inline-form" onSubmit={record}>
          <label htmlFor={`${id}-record`}>{t('recording')}</label>
          <textarea
            id={`${id}-record`}
            rows={3}
            value={recording}
            placeholder={t('recordingPlaceholder')}
            onChange={(e) => setRecording(e.target.value)}
          />
          <button type="submit" className="button primary">
            {t('finishRecording')}
          </button>
        </form>
      )}

      {waiting.kind === 'transfer' && (
        // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form section
        <div className="sim-outcomes" role="group" aria-label={t('transferOutcome')}>
          {outcomes.map((outcome) => (
            <button
              key={outcome}
              type="button"
              className="button"
              data-testid={`outcome-${outcome}`}
              onClick={() => act({ transfer: outcome })}
            >
              {t(`outcome.${outcome}`)}
            </button>
          ))}
        </div>
      )}

      <div className="sim-row">
        {(collecting || waiting.kind === 'record') && (
          <button type="button" className="button" onClick={() => act({ silence: true })}>
            {t('silence')}
          </button>
        )}
        <button type="button" className="button danger" onClick={() => act({ hangup: true })}>
          {t('hangUp')}
        </button>
      </div>
    </section>
  );
}
