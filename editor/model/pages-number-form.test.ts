import { describe, expect, it } from 'vitest';
import {
  checkNumberForm,
  emptyNumberForm,
  formatPhone,
  formFromRecord,
  recordFromForm,
  serverErrorField,
  tidyPhone,
} from './pages-number-form.ts';

const stored = {
  number: '+815012345678',
  label: '代表',
  flowId: 'clinic',
  lines: 2,
  smsSenderId: 'FLOWCALL',
  fallbackNumber: '+819012345678',
};

describe('number form', () => {
  it('shows numbers in domestic format', () => {
    expect(formatPhone('+815012345678')).toBe('050-1234-5678');
    expect(formatPhone('+81312345678')).toBe('03-1234-5678');
    expect(formatPhone(null)).toBe('');
    expect(formatPhone('nonsense')).toBe('nonsense');
  });

  it('round-trips a stored record', () => {
    const form = formFromRecord(stored);
    expect(form).toMatchObject({ number: '050-1234-5678', lines: '2', fallbackNumber: '090-1234-5678' });
    expect(recordFromForm(form)).toEqual(stored);
  });

  it('sends empty optional fields as null', () => {
    const form = { ...emptyNumberForm(), number: '03 1234 5678', smsSenderId: ' ' };
    expect(recordFromForm(form)).toEqual({
      number: '+81312345678',
      label: '',
      flowId: null,
      lines: 1,
      smsSenderId: null,
      fallbackNumber: null,
    });
  });

  it('finds the mistakes the API would refuse', () => {
    const form = {
      ...emptyNumberForm(),
      number: '050-1234',
      lines: '101',
      smsSenderId: 'FLOW CALL',
      fallbackNumber: '12',
    };
    expect(checkNumberForm(form, [], undefined)).toEqual({
      number: 'phoneInvalid',
      lines: 'linesRange',
      smsSenderId: 'senderFormat',
      fallbackNumber: 'phoneInvalid',
    });
    expect(checkNumberForm({ ...form, number: '', lines: '1.5' }, [], undefined)).toMatchObject({
      number: 'required',
      lines: 'linesRange',
    });
  });

  it('refuses a number that exists, except the one being edited, and a fallback to itself', () => {
    const form = formFromRecord(stored);
    expect(checkNumberForm(form, [stored.number], undefined)).toEqual({ number: 'numberTaken' });
    expect(checkNumberForm(form, [stored.number], stored.number)).toEqual({});
    expect(checkNumberForm({ ...form, fallbackNumber: '05012345678' }, [], stored.number)).toEqual({
      fallbackNumber: 'fallbackSelf',
    });
  });

  it('tidies typed numbers and maps server messages to fields', () => {
    expect(tidyPhone('09012345678')).toBe('090-1234-5678');
    expect(tidyPhone('0901')).toBe('0901');
    expect(serverErrorField('"lines" must be a whole number from 1 to 100')).toBe('lines');
    expect(serverErrorField('no flow "x"')).toBe('flowId');
    expect(serverErrorField('"smsSenderId" must be 1–11 letters or digits')).toBe('smsSenderId');
    expect(serverErrorField('"12" is not a valid phone number')).toBe('number');
    expect(serverErrorField('"fallbackNumber" is not a valid phone number')).toBe('fallbackNumber');
    expect(serverErrorField('boom')).toBeUndefined();
  });
});
