/**
 * Passwords: argon2id with @node-rs/argon2's defaults (OWASP's: 19 MiB, 2 passes, 1 lane),
 * hashed and verified off the event loop. Unknown emails are "verified" against a dummy hash so
 * a wrong email takes as long as a wrong password and the login cannot tell them apart.
 */
import { hash, verify } from '@node-rs/argon2';

export const minPasswordLength = 10;
/** Longer input only costs hashing time; no one types 256 characters. */
export const maxPasswordLength = 256;

// argon2id is the library's default algorithm (its `Algorithm` is an ambient const enum, which
// isolated modules cannot name); passwords.test.ts checks the hash says $argon2id$.
export const hashPassword = (password: string): Promise<string> => hash(password);

let dummyHash: Promise<string> | undefined;

/** Whether `password` matches `passwordHash`; with no hash (no such user) always false, as slowly. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    dummyHash ??= hashPassword('flowcall-dummy-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a wrong password, not a 500.
    return false;
  }
}

/** What is wrong with a new password, as { ja, en }; undefined when it is acceptable. */
export function passwordProblem(password: unknown): { ja: string; en: string } | undefined {
  if (typeof password !== 'string' || [...password].length < minPasswordLength)
    return {
      ja: `パスワードは${minPasswordLength}文字以上にしてください。`,
      en: `The password must be at least ${minPasswordLength} characters long.`,
    };
  if ([...password].length > maxPasswordLength)
    return {
      ja: `パスワードは${maxPasswordLength}文字以内にしてください。`,
      en: `The password must be at most ${maxPasswordLength} characters long.`,
    };
  return undefined;
}
