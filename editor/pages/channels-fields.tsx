/**
 * The settings of one kind of channel as form fields, with each field's plain-word help and the
 * server's problems under it. Secrets are password inputs (the private key a text area) that
 * start empty: 「設定済み」 says one is stored, and leaving it empty keeps it. Email recipients
 * are a list, one input per address.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormValue, PlacedIssues } from '../model/pages-channels.ts';
import { type ChannelFieldSpec, type ChannelKind, channelFields } from '../model/pages-channels-kinds.ts';
import { Field, type FieldControl, FieldError } from './field.tsx';

export interface ChannelFieldsProps {
  kind: ChannelKind;
  values: Record<string, FormValue>;
  onChange: (name: string, value: FormValue) => void;
  /** Secret fields that have a stored value. */
  secretsSet: ReadonlySet<string>;
  issues: PlacedIssues;
}

export function ChannelFields(props: ChannelFieldsProps) {
  const { t } = useTranslation('pages');
  const specs = channelFields[props.kind];
  const advanced = specs.filter((spec) => spec.advanced);
  const shown = (spec: ChannelFieldSpec) => (
    <ChannelField key={`${props.kind}.${spec.name}`} spec={spec} {...props} />
  );
  return (
    <>
      {specs.filter((spec) => !spec.advanced).map(shown)}
      {advanced.length > 0 && (
        // Open by itself when one of its fields has a value or a problem: nothing hidden that matters.
        <details
          className="channel-advanced"
          open={
            advanced.some((spec) => props.values[spec.name] || props.issues.fields[spec.name]) || undefined
          }
        >
          <summary>{t('channels.form.advanced')}</summary>
          {advanced.map(shown)}
        </details>
      )}
    </>
  );
}

function ChannelField({
  spec,
  kind,
  values,
  onChange,
  secretsSet,
  issues,
}: ChannelFieldsProps & { spec: ChannelFieldSpec }) {
  const { t } = useTranslation('pages');
  const key = `channels.kinds.${kind}.fields.${spec.name}`;
  const value = values[spec.name];
  const text = typeof value === 'string' ? value : '';
  const stored = spec.secret && secretsSet.has(spec.name);
  const [revealed, setRevealed] = useState(false);
  const error = issues.fields[spec.name]?.join(' ');
  const help = stored ? `${t(`${key}.help`)} ${t('channels.form.secretKeep')}` : t(`${key}.help`);
  const label = (
    <>
      {t(`${key}.label`)}
      {stored && <span className="badge secret-set">{t('channels.form.secretSet')}</span>}
    </>
  );

  if (spec.input === 'emails') {
    return (
      <AddressList
        label={t(`${key}.label`)}
        help={help}
        list={Array.isArray(value) ? value : ['']}
        onChange={(list) => onChange(spec.name, list)}
        issues={issues}
        error={error}
      />
    );
  }
  if (spec.input === 'switch') {
    return (
      <div className="field channel-switch">
        <label>
          <input
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(spec.name, e.target.checked)}
            aria-invalid={error ? true : undefined}
          />{' '}
          {t(`${key}.label`)}
        </label>
        <p className="field-help">{t(`${key}.help`)}</p>
        {error && <FieldError>{error}</FieldError>}
      </div>
    );
  }
  const common = (control: FieldControl) => ({
    ...control,
    value: text,
    autoComplete: 'off',
    spellCheck: false,
    placeholder: stored ? t('channels.form.secretPlaceholder') : undefined,
  });
  return (
    <Field label={label} help={help} error={error}>
      {(control) =>
        spec.input === 'multiline' ? (
          <textarea
            {...common(control)}
            rows={5}
            className="mono"
            onChange={(e) => onChange(spec.name, e.target.value)}
          />
        ) : (
          <div className="channel-input-row">
            <input
              {...common(control)}
              // A secret is typed or pasted, never shown back: hidden unless its owner asks to check
              // what they typed; new-password keeps browsers from filling in a saved login.
              type={spec.secret && !revealed ? 'password' : spec.input === 'url' ? 'url' : 'text'}
              {...(spec.secret ? { autoComplete: 'new-password' } : {})}
              inputMode={
                spec.input === 'digits' || spec.input === 'port'
                  ? 'numeric'
                  : spec.input === 'email'
                    ? 'email'
                    : undefined
              }
              className={spec.input === 'port' ? 'channel-port' : undefined}
              onChange={(e) => onChange(spec.name, e.target.value)}
            />
            {spec.secret && (
              <button
                type="button"
                className="button small"
                aria-pressed={revealed}
                aria-controls={control.id}
                aria-label={t('channels.form.reveal', { field: t(`${key}.label`) })}
                onClick={() => setRevealed((r) => !r)}
              >
                {t('channels.form.revealShort')}
              </button>
            )}
          </div>
        )
      }
    </Field>
  );
}

function AddressList(props: {
  label: string;
  help: string;
  list: string[];
  onChange: (list: string[]) => void;
  issues: PlacedIssues;
  error: string | undefined;
}) {
  const { t } = useTranslation('pages');
  const { list } = props;
  return (
    <fieldset className="field channel-addresses">
      <legend className="field-label">{props.label}</legend>
      <p className="field-help">{props.help}</p>
      {list.map((address, index) => {
        const n = index + 1;
        const error = props.issues.items[index]?.join(' ');
        const errorId = `channel-address-${index}-error`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the inputs are positions in a list the person edits
          <div key={index} className="channel-address-row">
            <input
              type="email"
              inputMode="email"
              autoComplete="off"
              aria-label={t('channels.form.address', { n })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              value={address}
              onChange={(e) => props.onChange(list.map((a, i) => (i === index ? e.target.value : a)))}
            />
            {list.length > 1 && (
              <button
                type="button"
                className="button small"
                aria-label={t('channels.form.removeAddress', { n })}
                onClick={() => props.onChange(list.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
            {error && <FieldError id={errorId}>{error}</FieldError>}
          </div>
        );
      })}
      {props.error && <FieldError>{props.error}</FieldError>}
      <button type="button" className="button small" onClick={() => props.onChange([...list, ''])}>
        {t('channels.form.addAddress')}
      </button>
    </fieldset>
  );
}
