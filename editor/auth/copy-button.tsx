/**
 * Copies a secret or a link to the clipboard and says so (aria-live). Where the browser refuses
 * (no permission, not a secure context), the text is selected so Ctrl+C copies it.
 */
import { useState } from 'react';

interface Props {
  text: string;
  /** The input showing the text, selected when copying is refused. */
  targetId: string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
}

export function CopyButton({ text, targetId, label, copiedLabel, failedLabel }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      const input = document.getElementById(targetId);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={copy}>
        {label}
      </button>
      <span className="copy-status" aria-live="polite">
        {state === 'copied' ? copiedLabel : state === 'failed' ? failedLabel : ''}
      </span>
    </>
  );
}
