/**
 * The numbers page's form as plain data: what staff type (050-1234-5678, "2"), checked with the
 * same rules the API applies (runtime/http/api-resources.ts), so most mistakes are caught before
 * saving; what the server still refuses (422) is mapped back to the field it names.
 */
import { parsePhone } from '../../schema/phone.ts';

export interface NumberRecordLike {
  number: string;
  label: string;
  flowId: string | null;
  lines: number;
  smsSenderId: string | null;
  fallbackNumber: string | null;
}

export interface NumberForm {
  number: string;
  label: string;
  /** '' = no flow. */
  flowId: string;
  lines: string;
  smsSenderId: string;
  fallbackNumber: string;
}

export type NumberField = keyof NumberForm;

export type NumberProblem =
  | 'required'
  | 'phoneInvalid'
  | 'numberTaken'
  | 'linesRange'
  | 'senderFormat'
  | 'fallbackSelf';

export const maxLines = 100;
/** Vonage's alphanumeric sender: 1–11 ASCII letters or digits (the API's own rule). */
export const senderPattern = /^[A-Za-z0-9]{1,11}$/;

/** Domestic format (050-1234-5678) for display; anything unparsable is shown as stored. */
export function formatPhone(number: string | null | undefined): string {
  if (!number) return '';
  return parsePhone(number)?.national ?? number;
}

export function emptyNumberForm(): NumberForm {
  return { number: '', label: '', flowId: '', lines: '1', smsSenderId: 'FLOWCALL', fallbackNumber: '' };
}

export function formFromRecord(record: NumberRecordLike): NumberForm {
  return {
    number: formatPhone(record.number),
    label: record.label,
    flowId: record.flowId ?? '',
    lines: String(record.lines),
    smsSenderId: record.smsSenderId ?? '',
    fallbackNumber: formatPhone(record.fallbackNumber),
  };
}

/**
 * Problems per field. `existing` are the stored numbers in E.164; `editing` is the number being
 * edited (undefined when adding), whose own entry is not a clash.
 */
export function checkNumberForm(
  form: NumberForm,
  existing: readonly string[],
  editing: string | undefined,
): Partial<Record<NumberField, NumberProblem>> {
  const problems: Partial<Record<NumberField, NumberProblem>> = {};
  const own = parsePhone(form.number);
  if (form.number.trim() === '') problems.number = 'required';
  else if (!own) problems.number = 'phoneInvalid';
  else if (own.e164 !== editing && existing.includes(own.e164)) problems.number = 'numberTaken';

  const lines = Number(form.lines);
  if (!/^\d+$/.test(form.lines.trim()) || lines < 1 || lines > maxLines) problems.lines = 'linesRange';

  const sender = form.smsSenderId.trim();
  if (sender !== '' && !senderPattern.test(sender)) problems.smsSenderId = 'senderFormat';

  if (form.fallbackNumber.trim() !== '') {
    const fallback = parsePhone(form.fallbackNumber);
    if (!fallback) problems.fallbackNumber = 'phoneInvalid';
    // Forwarding a failed call to the same number would ring the failing IVR again.
    else if (own && fallback.e164 === own.e164) problems.fallbackNumber = 'fallbackSelf';
  }
  return problems;
}

/** The record to PUT (numbers in E.164, empty optional fields as null). */
export function recordFromForm(form: NumberForm): NumberRecordLike {
  const e164 = (text: string) => parsePhone(text)?.e164 ?? text.trim();
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    number: e164(form.number),
    label: form.label.trim(),
    flowId: optional(form.flowId),
    lines: Number(form.lines),
    smsSenderId: optional(form.smsSenderId),
    fallbackNumber: form.fallbackNumber.trim() === '' ? null : e164(form.fallbackNumber),
  };
}

/** Rewrites a typed number in domestic format once it parses (on blur), else leaves it. */
export function tidyPhone(text: string): string {
  return parsePhone(text)?.national ?? text;
}

/** The field a 422 message from the API names ('"lines" must be…', 'no flow "x"'). */
export function serverErrorField(message: string): NumberField | undefined {
  if (message.includes('"lines"')) return 'lines';
  if (message.includes('"smsSenderId"')) return 'smsSenderId';
  if (message.includes('"fallbackNumber"')) return 'fallbackNumber';
  if (message.startsWith('no flow')) return 'flowId';
  if (message.includes('not a valid phone number')) return 'number';
  return undefined;
}
