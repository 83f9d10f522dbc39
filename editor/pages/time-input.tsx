/**
 * A time typed as text (9:00, 930, 18時): a native time picker would show AM/PM on many
 * browsers and cannot hold 24:00, which closing at midnight needs. The text is kept locally while
 * typing and handed on once it is a complete time, or on leaving the field (then, if it is not a
 * time, validation says so next to it) — so half-typed input never flashes an error.
 */
import { useEffect, useState } from 'react';
import { normalizeTime } from '../model/pages-schedule-edit.ts';

const complete = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export interface TimeInputProps {
  value: string;
  onChange: (value: string) => void;
  'aria-label': string;
  invalid: boolean;
}

export function TimeInput({ value, onChange, invalid, ...rest }: TimeInputProps) {
  const [text, setText] = useState(value);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(value);
  }, [value, editing]);

  return (
    <input
      type="text"
      className="time-input"
      inputMode="numeric"
      autoComplete="off"
      placeholder="09:00"
      maxLength={8}
      aria-label={rest['aria-label']}
      aria-invalid={invalid || undefined}
      value={text}
      onFocus={() => setEditing(true)}
      onChange={(e) => {
        setText(e.target.value);
        if (complete.test(e.target.value) && e.target.value !== value) onChange(e.target.value);
      }}
      onBlur={() => {
        setEditing(false);
        const tidy = normalizeTime(text);
        setText(tidy);
        if (tidy !== value) onChange(tidy);
      }}
    />
  );
}
