/**
 * 「試聴」: reads a prompt aloud with the browser's speech synthesis, variables filled with sample
 * values (caller 090-1234-5678, today's date…), so staff hear roughly what a caller will hear.
 * Browsers without speech synthesis get a button that stays focusable but explains why it
 * cannot play (a disabled button could not show its reason to keyboard users).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listenText } from '../model/inspector-variables.ts';
import { useEditor } from '../state/editor-store.ts';

const canSpeak = (): boolean =>
  typeof window !== 'undefined' &&
  'speechSynthesis' in window &&
  typeof SpeechSynthesisUtterance === 'function';

export function ListenButton(props: { text: string }) {
  const { t } = useTranslation('inspector');
  const [speaking, setSpeaking] = useState(false);
  const mine = useRef<SpeechSynthesisUtterance | null>(null);
  const hintId = useId();
  const available = canSpeak();
  const empty = props.text.trim() === '';

  // Leaving the step (or the page) stops what this button started, not speech from elsewhere.
  useEffect(
    () => () => {
      if (mine.current && canSpeak()) window.speechSynthesis.cancel();
    },
    [],
  );

  const toggle = () => {
    const flow = useEditor.getState().flow;
    if (!available || empty || !flow) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const lang = flow.language || 'ja-JP';
    const utterance = new SpeechSynthesisUtterance(listenText(props.text, flow, new Date()));
    utterance.lang = lang;
    const voice = synth.getVoices().find((v) => v.lang.replace('_', '-') === lang);
    if (voice) utterance.voice = voice;
    utterance.onend = utterance.onerror = () => {
      if (mine.current === utterance) {
        mine.current = null;
        setSpeaking(false);
      }
    };
    mine.current = utterance;
    setSpeaking(true);
    synth.speak(utterance);
  };

  const reason = !available ? t('listen.unavailable') : empty ? t('listen.empty') : t('listen.hint');
  return (
    <>
      <button
        type="button"
        className="button small listen"
        onClick={toggle}
        aria-disabled={!available || empty}
        aria-pressed={speaking}
        aria-describedby={hintId}
        title={reason}
      >
        <span aria-hidden="true">{speaking ? '■ ' : '▶ '}</span>
        {speaking ? t('listen.stop') : t('listen.play')}
      </button>
      <span id={hintId} className="insp-sr-only">
        {reason}
      </span>
    </>
  );
}
