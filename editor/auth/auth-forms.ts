/**
 * The checks the account forms make before asking the server (which checks again): what is
 * missing or too short, by field, as message keys of the `auth` namespace (problems.*). The
 * password rule is the server's (runtime/auth/passwords.ts): at least 10 characters, counted as
 * people count them (a 😀 or a kanji is one).
 */
export const minPasswordLength = 10;

export type Problem =
  | 'emailMissing'
  | 'passwordMissing'
  | 'passwordShort'
  | 'passwordMismatch'
  | 'nameMissing';
export type Problems<F extends string> = Partial<Record<F, Problem>>;

const length = (text: string) => [...text].length;

export function loginProblems(form: { email: string; password: string }): Problems<'email' | 'password'> {
  return {
    ...(form.email.trim() === '' ? { email: 'emailMissing' as const } : {}),
    ...(form.password === '' ? { password: 'passwordMissing' as const } : {}),
  };
}

export function newPasswordProblems(form: {
  password: string;
  confirm: string;
}): Problems<'password' | 'confirm'> {
  if (form.password === '') return { password: 'passwordMissing' };
  if (length(form.password) < minPasswordLength) return { password: 'passwordShort' };
  return form.confirm === form.password ? {} : { confirm: 'passwordMismatch' };
}

export function nameProblems(form: { name: string }): Problems<'name'> {
  return form.name.trim() === '' ? { name: 'nameMissing' } : {};
}

export function emailProblems(form: { email: string }): Problems<'email'> {
  return form.email.trim() === '' ? { email: 'emailMissing' } : {};
}

/** The first field (in the form's order) that has a problem, to move the focus there. */
export function firstProblem<F extends string>(order: readonly F[], problems: Problems<F>): F | undefined {
  return order.find((field) => problems[field] !== undefined);
}
