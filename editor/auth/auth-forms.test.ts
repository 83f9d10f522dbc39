import { describe, expect, it } from 'vitest';
import { firstProblem, loginProblems, nameProblems, newPasswordProblems } from './auth-forms.ts';

describe('the account forms’ own checks', () => {
  it('asks for both the email and the password before logging in', () => {
    expect(loginProblems({ email: ' ', password: '' })).toEqual({
      email: 'emailMissing',
      password: 'passwordMissing',
    });
    expect(loginProblems({ email: 'a@b.jp', password: 'x' })).toEqual({});
  });

  it('counts a new password in characters as people count them, like the server', () => {
    expect(newPasswordProblems({ password: '', confirm: '' })).toEqual({ password: 'passwordMissing' });
    expect(newPasswordProblems({ password: '123456789', confirm: '123456789' })).toEqual({
      password: 'passwordShort',
    });
    // Ten kanji are ten characters; five emoji are five (ten UTF-16 units), still too short.
    expect(
      newPasswordProblems({ password: 'さくら歯科の受付電話', confirm: 'さくら歯科の受付電話' }),
    ).toEqual({});
    expect(newPasswordProblems({ password: '😀😀😀😀😀', confirm: '😀😀😀😀😀' })).toEqual({
      password: 'passwordShort',
    });
    expect(newPasswordProblems({ password: 'correct horse', confirm: 'correct house' })).toEqual({
      confirm: 'passwordMismatch',
    });
  });

  it('moves the focus to the first field with a problem, in the form’s order', () => {
    const problems = {
      ...nameProblems({ name: '' }),
      ...newPasswordProblems({ password: 'short', confirm: '' }),
    };
    expect(firstProblem(['name', 'password', 'confirm'], problems)).toBe('name');
    expect(firstProblem(['password', 'confirm'], problems)).toBe('password');
    expect(firstProblem(['confirm'], problems)).toBeUndefined();
  });
});
