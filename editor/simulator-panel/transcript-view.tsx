/**
 * The call as the caller experiences it: what they hear (with ▶ to hear it in the browser's
 * Japanese voice), what they do, and notes on what happens out of earshot. A live region, so a
 * screen reader announces each new line as the call moves on.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { SimEntry } from '../model/sim-transcript.ts';
import { useEditor } from '../state/editor-store.ts';
import { useSpeech } from './use-speech.ts';
import { clockTime, nodeName, noteText, stepText } from './wording.ts';
import './transcript-view.css';

interface Props {
  flow: FlowDocument | null;
  entries: readonly SimEntry[];
}

export function TranscriptView({ flow, entries }: Props) {
  const { t } = useTranslation('simulator');
  const requestFocus = useEditor((s) => s.requestFocus);
  const speech = useSpeech();
  const list = useRef<HTMLOListElement>(null);

  // The transcript scrolls inside its own box: the newest line stays in view, and the controls
  // below it do not move away.
  useEffect(() => {
    const element = list.current;
    if (element && entries.length > 0) element.scrollTop = element.scrollHeight;
  }, [entries.length]);

  return (
    <section className="sim-transcript-box" aria-label={t('transcript')}>
      <h3>{t('transcript')}</h3>
      {entries.length === 0 ? (
        <p className="sim-muted">{t('transcriptEmpty')}</p>
      ) : (
        <ol ref={list} className="sim-transcript" data-testid="sim-transcript" aria-live="polite">
          {entries.map((entry, i) => {
            const key = `${i}-${entry.at}`;
            if (entry.who === 'system') {
              const playing = speech.playing === key;
              return (
                <li key={key} className="sim-line sim-system">
                  <span className="sim-time">{clockTime(entry.at)}</span>
                  <div className="sim-line-body">
                    {flow && (
                      <button
                        type="button"
                        className="sim-node-link"
                        onClick={() => requestFocus(entry.nodeId)}
                      >
                        {nodeName(flow, entry.nodeId)}
                      </button>
                    )}
                    <p>
                      {entry.text}
                      {entry.repeat > 1 && <span className="sim-repeat"> ×{entry.repeat}</span>}
                    </p>
                  </div>
                  <button
                    type="button"
                    className="sim-play"
                    disabled={!speech.available || entry.speech === ''}
                    aria-label={playing ? t('stop') : t('play')}
                    title={speech.available ? (playing ? t('stop') : t('play')) : t('noSpeech')}
                    onClick={() => (playing ? speech.stop() : speech.speak(key, entry.speech, entry.repeat))}
                  >
                    {playing ? '■' : '▶'}
                  </button>
                </li>
              );
            }
            if (entry.who === 'caller') {
              return (
                <li key={key} className="sim-line sim-caller">
                  <span className="sim-time">{clockTime(entry.at)}</span>
                  <div className="sim-line-body">
                    <span className="sim-who">{t('who.caller')}</span>
                    <p>{stepText(t, entry.step)}</p>
                  </div>
                </li>
              );
            }
            const note = noteText(t, entry.note);
            return (
              <li key={key} className="sim-line sim-note">
                <span className="sim-time">{clockTime(entry.at)}</span>
                <div className="sim-line-body">
                  <p>{note.text}</p>
                  {note.body && <p className="sim-note-body">{note.body}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
