/**
 * Text fields that may hold `{{variables}}`: a textarea with the variable picker (inserting at
 * the cursor) and, for what the caller hears, the 「試聴」 button. The SMS text adds a live count
 * of characters and messages, because a long SMS is split and charged per part.
 */
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { maxSmsCharacters, smsLength } from '../../schema/sms-text.ts';
import { templateRefs } from '../../schema/template.ts';
import { insertAt } from '../model/inspector-variables.ts';
import type { ControlProps } from './field-row.tsx';
import { ListenButton } from './listen-button.tsx';
import { VariablePicker } from './variable-picker.tsx';

export function TemplateInput(props: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  listen?: boolean;
  rows?: number;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const cursor = useRef<number | null>(null);

  // After an insertion the store re-renders the text; put the cursor after the new `{{name}}`.
  useLayoutEffect(() => {
    const at = cursor.current;
    if (at === null || !area.current) return;
    cursor.current = null;
    area.current.focus();
    area.current.setSelectionRange(at, at);
  });

  const insert = (name: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? props.value.length;
    const end = el?.selectionEnd ?? start;
    const result = insertAt(props.value, start, end, `{{${name}}}`);
    cursor.current = result.cursor;
    props.onChange(result.text);
  };

  return (
    <div className="insp-template">
      <textarea
        ref={area}
        {...props.control}
        value={props.value}
        rows={props.rows ?? 3}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div className="insp-tools">
        <VariablePicker onInsert={insert} />
        {props.listen && <ListenButton text={props.value || props.placeholder || ''} />}
      </div>
    </div>
  );
}

/** Text with its placeholders taken out: what validation counts against the 670 limit. */
function withoutPlaceholders(text: string): string {
  let rest = '';
  let from = 0;
  for (const ref of templateRefs(text)) {
    rest += text.slice(from, ref.index);
    from = text.indexOf('}}', ref.index) + 2;
  }
  return rest + text.slice(from);
}

export function SmsCount(props: { text: string }) {
  const { t } = useTranslation('inspector');
  const plain = withoutPlaceholders(props.text);
  const { encoding, units, segments } = smsLength(plain);
  const level = units > maxSmsCharacters ? 'error' : segments > 1 ? 'warning' : 'ok';
  return (
    <div className={`sms-count ${level}`} aria-live="polite">
      <strong>{t('sms.count', { units, segments })}</strong>
      <span>{t(encoding === 'GSM-7' ? 'sms.gsm' : 'sms.ucs2')}</span>
      {level === 'warning' && <span className="sms-warn">{t('sms.multi', { segments })}</span>}
      {level === 'error' && <span className="sms-error">{t('sms.tooLong')}</span>}
      {plain !== props.text && <span>{t('sms.variables')}</span>}
    </div>
  );
}
