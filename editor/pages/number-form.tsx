/**
 * The settings of one phone number: which flow answers, how many calls at once, the SMS sender
 * and the fallback number. Checked as the API checks (pages-number-form.ts) while typing; what
 * the server still refuses is shown under the field it names, or above the buttons.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type FlowSummary, type NumberRecord } from '../api/client.ts';
import {
  checkNumberForm,
  emptyNumberForm,
  formatPhone,
  formFromRecord,
  maxLines,
  type NumberField,
  type NumberForm,
  recordFromForm,
  serverErrorField,
  tidyPhone,
} from '../model/pages-number-form.ts';
import { Field } from './field.tsx';

export interface NumberFormProps {
  /** The number being edited; undefined to add one. */
  record: NumberRecord | undefined;
  flows: readonly FlowSummary[];
  /** Stored numbers (E.164), to refuse adding one twice. */
  existing: readonly string[];
  onSaved: (record: NumberRecord) => void;
  onCancel: () => void;
  onDelete: (record: NumberRecord) => void;
}

export function NumberFormPanel({ record, flows, existing, onSaved, onCancel, onDelete }: NumberFormProps) {
  const { t } = useTranslation('pages');
  const [form, setForm] = useState<NumberForm>(() => (record ? formFromRecord(record) : emptyNumberForm()));
  const [touched, setTouched] = useState<ReadonlySet<NumberField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState<{ field?: NumberField; message: string }>();
  const panel = useRef<HTMLFormElement>(null);

  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
    panel.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);

  const problems = checkNumberForm(form, existing, record?.number);
  const problemOf = (field: NumberField): string | undefined => {
    if (server?.field === field) return t(`numbers.server.${field}`);
    const problem = problems[field];
    return problem && (attempted || touched.has(field)) ? t(`numbers.problems.${problem}`) : undefined;
  };
  const set = (field: NumberField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (server?.field === field) setServer(undefined);
  };
  const blur = (field: NumberField, tidy?: (v: string) => string) => () => {
    setTouched((s) => new Set(s).add(field));
    if (tidy) setForm((f) => ({ ...f, [field]: tidy(f[field]) }));
  };

  const submit = async () => {
    setAttempted(true);
    if (Object.keys(problems).length > 0) {
      // After the re-render that marks the fields, take the person to the first one.
      requestAnimationFrame(() =>
        panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    if (busy) return;
    setBusy(true);
    setServer(undefined);
    try {
      onSaved(await api.saveNumber(recordFromForm(form)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = error instanceof ApiError && error.status === 422 ? serverErrorField(message) : undefined;
      setServer(field ? { field, message } : { message });
      setBusy(false);
    }
  };

  const chosen = flows.find((f) => f.id === form.flowId);
  return (
    <form
      ref={panel}
      className="panel number-form"
      aria-labelledby="number-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="number-form-title">
        {record
          ? t('numbers.form.editTitle', { number: formatPhone(record.number) })
          : t('numbers.form.addTitle')}
      </h2>
      <div className="number-form-grid">
        <Field
          label={t('numbers.form.number')}
          help={t('numbers.form.numberHelp')}
          error={problemOf('number')}
        >
          {(control) => (
            <input
              {...control}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              readOnly={record !== undefined}
              value={form.number}
              onChange={(e) => set('number', e.target.value)}
              onBlur={blur('number', tidyPhone)}
            />
          )}
        </Field>
        <Field label={t('numbers.form.label')} help={t('numbers.form.labelHelp')}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={100}
              value={form.label}
              onChange={(e) => set('label', e.target.value)}
            />
          )}
        </Field>
        <Field
          className="span-2"
          label={t('numbers.form.flow')}
          help={chosen && chosen.publishedVersion === null ? t('numbers.form.flowNotPublished') : undefined}
          error={problemOf('flowId')}
        >
          {(control) => (
            <select {...control} value={form.flowId} onChange={(e) => set('flowId', e.target.value)}>
              <option value="">{t('numbers.form.flowNone')}</option>
              {flows.map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.name}
                  {flow.publishedVersion === null ? ` ${t('numbers.notPublished')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('numbers.form.lines')} help={t('numbers.form.linesHelp')} error={problemOf('lines')}>
          {(control) => (
            <input
              {...control}
              type="number"
              className="lines-input"
              min={1}
              max={maxLines}
              step={1}
              value={form.lines}
              onChange={(e) => set('lines', e.target.value)}
              onBlur={blur('lines')}
            />
          )}
        </Field>
        <Field
          label={t('numbers.form.sender')}
          help={t('numbers.form.senderHelp')}
          error={problemOf('smsSenderId')}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="mono"
              maxLength={11}
              autoCapitalize="characters"
              spellCheck={false}
              value={form.smsSenderId}
              onChange={(e) => set('smsSenderId', e.target.value)}
              onBlur={blur('smsSenderId')}
            />
          )}
        </Field>
        <Field
          className="span-2"
          label={t('numbers.form.fallback')}
          help={t('numbers.form.fallbackHelp')}
          error={problemOf('fallbackNumber')}
        >
          {(control) => (
            <input
              {...control}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              className="phone-input"
              value={form.fallbackNumber}
              onChange={(e) => set('fallbackNumber', e.target.value)}
              onBlur={blur('fallbackNumber', tidyPhone)}
            />
          )}
        </Field>
      </div>
      {server && (
        <p className="notice error" role="alert">
          {t('numbers.form.serverError', {
            message: server.field ? t(`numbers.server.${server.field}`) : server.message,
          })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('numbers.form.saving') : t('numbers.form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('numbers.form.cancel')}
        </button>
        {record && (
          <button type="button" className="button danger push-right" onClick={() => onDelete(record)}>
            {t('numbers.form.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
