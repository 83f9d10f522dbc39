/**
 * Adding or editing one contact in a dialog: name, company, as many numbers as the person has
 * (one input each, typed any way), tags on one line, notes. What the server refuses is shown
 * under the input it is about — a bad number under that number.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { type Contact, type ContactProblem, contactsApi } from '../api/contacts-client.ts';
import {
  type ContactForm,
  checkContactForm,
  emptyContactForm,
  type FormProblems,
  formFromContact,
  hasProblems,
  inputFromForm,
  type ProblemText,
  placeProblems,
  takenProblem,
} from '../model/pages-contacts.ts';
import { Dialog } from './dialog.tsx';
import { Field, FieldError } from './field.tsx';

export interface ContactFormDialogProps {
  /** The contact being edited; undefined to add one. */
  contact: Contact | undefined;
  onSaved: (contact: Contact) => void;
  onClose: () => void;
}

export function ContactFormDialog({ contact, onSaved, onClose }: ContactFormDialogProps) {
  const { t } = useTranslation('pages');
  const [form, setForm] = useState<ContactForm>(() =>
    contact ? formFromContact(contact) : emptyContactForm(),
  );
  const [problems, setProblems] = useState<FormProblems>({ numberAt: {} });
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  // After a refused save, take the person to the first field with a problem.
  useEffect(() => {
    if (hasProblems(problems)) body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);
  const say = (p: ProblemText | undefined) => (p ? t(`contacts.problems.${p.key}`, p.values) : undefined);
  const set = (change: Partial<ContactForm>) => setForm((f) => ({ ...f, ...change }));
  const setNumber = (index: number, value: string) =>
    set({ numbers: form.numbers.map((n, i) => (i === index ? value : n)) });

  const submit = async () => {
    const local = checkContactForm(form);
    setProblems(local);
    setFailure(undefined);
    if (hasProblems(local) || busy) return;
    setBusy(true);
    try {
      const input = inputFromForm(form);
      onSaved(contact ? await contactsApi.save(contact.id, input) : await contactsApi.create(input));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 422 && Array.isArray(error.body.problems)) {
        setProblems(placeProblems(error.body.problems as ContactProblem[], form));
      } else if (error instanceof ApiError && takenProblem(error.body)) {
        setProblems({ numbers: takenProblem(error.body), numberAt: {} });
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    }
  };

  return (
    <Dialog
      title={
        contact
          ? t('contacts.form.editTitle', { name: contact.name || contact.company })
          : t('contacts.form.addTitle')
      }
      onClose={onClose}
      onSubmit={submit}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('contacts.form.saving') : t('contacts.form.save')}
          </button>
        </>
      }
    >
      <div ref={body}>
        <div className="contact-form-grid">
          <Field
            label={t('contacts.form.name')}
            help={t('contacts.form.nameHelp')}
            error={say(problems.name)}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                data-autofocus
                autoComplete="off"
                value={form.name}
                onChange={(e) => set({ name: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('contacts.form.company')} error={say(problems.company)}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                value={form.company}
                onChange={(e) => set({ company: e.target.value })}
              />
            )}
          </Field>
        </div>

        <fieldset className="contact-numbers">
          <legend>{t('contacts.form.numbers')}</legend>
          <p className="field-help">{t('contacts.form.numbersHelp')}</p>
          {form.numbers.map((number, index) => {
            const n = index + 1;
            const error = say(problems.numberAt[index]);
            const errorId = `contact-number-${index}-error`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the inputs are positions in a list the person edits
              <div key={index} className="contact-number-row">
                <input
                  type="tel"
                  inputMode="tel"
                  autoComplete="off"
                  aria-label={t('contacts.form.numberLabel', { n })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  value={number}
                  onChange={(e) => setNumber(index, e.target.value)}
                />
                {form.numbers.length > 1 && (
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('contacts.form.removeNumber', { n })}
                    onClick={() => set({ numbers: form.numbers.filter((_, i) => i !== index) })}
                  >
                    ×
                  </button>
                )}
                {error && <FieldError id={errorId}>{error}</FieldError>}
              </div>
            );
          })}
          {problems.numbers && <FieldError>{say(problems.numbers)}</FieldError>}
          <button
            type="button"
            className="button small"
            onClick={() => set({ numbers: [...form.numbers, ''] })}
          >
            {t('contacts.form.addNumber')}
          </button>
        </fieldset>

        <Field label={t('contacts.form.tags')} help={t('contacts.form.tagsHelp')} error={say(problems.tags)}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={form.tags}
              onChange={(e) => set({ tags: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('contacts.form.notes')} error={say(problems.notes)}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.notes}
              onChange={(e) => set({ notes: e.target.value })}
            />
          )}
        </Field>
      </div>
      {failure && (
        <p className="notice error" role="alert">
          {t('actionError', { message: failure })}
        </p>
      )}
    </Dialog>
  );
}
