/**
 * A phone's twelve keys. A menu takes one key at once (as on a real phone, pressing is choosing);
 * a number entry collects digits until 「送信」, # (when the step ends on #) or its maximum
 * length. Digits typed on the computer keyboard work too while the keypad has focus.
 */
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../runtime/engine/types.ts';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

interface Props {
  collect: Extract<Action, { type: 'collect' }> | undefined;
  onPress(keys: string): void;
}

export function Keypad({ collect, onPress }: Props) {
  const { t } = useTranslation('simulator');
  const [buffer, setBuffer] = useState('');
  const maxDigits = collect?.maxDigits ?? 1;
  const single = collect?.purpose !== 'input' && maxDigits <= 1;

  const press = (key: string) => {
    if (single) {
      onPress(key);
      return;
    }
    const next = buffer + key;
    const finished = (key === '#' && collect?.submitOnHash) || next.replace(/#$/, '').length >= maxDigits;
    if (finished) {
      setBuffer('');
      onPress(next);
    } else setBuffer(next);
  };

  const send = () => {
    if (buffer === '') return;
    setBuffer('');
    onPress(buffer);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (/^[0-9*#]$/.test(e.key)) {
      e.preventDefault();
      press(e.key);
    } else if (e.key === 'Backspace' && !single) {
      e.preventDefault();
      setBuffer((b) => b.slice(0, -1));
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard shortcuts for the buttons inside
    <div className="sim-keypad-area" onKeyDown={onKeyDown}>
      {!single && (
        <div className="sim-entry">
          <output aria-label={t('entered')} className="sim-entry-digits">
            {buffer || '\u00a0'}
          </output>
          <button
            type="button"
            className="button"
            onClick={() => setBuffer((b) => b.slice(0, -1))}
            disabled={buffer === ''}
            aria-label={t('backspace')}
          >
            ⌫
          </button>
          <button
            type="button"
            className="button primary"
            onClick={send}
            disabled={buffer === ''}
            data-testid="sim-send"
          >
            {t('send')}
          </button>
        </div>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form section */}
      <div className="sim-keypad" role="group" aria-label={t('keypad')}>
        {keys.map((key) => (
          <button
            key={key}
            type="button"
            className="sim-key"
            data-testid={`key-${key}`}
            aria-label={t('keyLabel', { key })}
            onClick={() => press(key)}
          >
            {key}
          </button>
        ))}
      </div>
    </div>
  );
}
