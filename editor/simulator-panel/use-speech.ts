/**
 * Playback of a prompt with the browser's speech synthesis in Japanese: close enough to the
 * phone's voice for a receptionist to hear whether a sentence is too long or reads oddly. One
 * prompt at a time; unavailable (buttons disabled) where the browser has no speech synthesis.
 */
import { useCallback, useEffect, useState } from 'react';

const synth = (): SpeechSynthesis | undefined =>
  typeof window !== 'undefined' &&
  'speechSynthesis' in window &&
  typeof SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : undefined;

export function useSpeech() {
  const [playing, setPlaying] = useState<string | null>(null);
  const available = synth() !== undefined;

  const stop = useCallback(() => {
    synth()?.cancel();
    setPlaying(null);
  }, []);

  const speak = useCallback((key: string, text: string, repeat = 1) => {
    const speech = synth();
    if (!speech) return;
    speech.cancel();
    const voice = speech.getVoices().find((v) => v.lang.replace('_', '-').startsWith('ja'));
    for (let i = 0; i < repeat; i++) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'ja-JP';
      if (voice) utterance.voice = voice;
      if (i === repeat - 1) {
        const done = () => setPlaying((current) => (current === key ? null : current));
        utterance.onend = done;
        utterance.onerror = done;
      }
      speech.speak(utterance);
    }
    setPlaying(key);
  }, []);

  // Nothing keeps talking after the panel is gone.
  useEffect(() => () => synth()?.cancel(), []);

  return { available, playing, speak, stop };
}
