import { describe, expect, it } from 'vitest';
import { issueCodes } from '../../schema/issue.ts';
import { problemsMessages } from './messages.ts';

// Keys model/inspector-issue-text.ts returns besides the plain codes.
const variants = [
  'bad-value-max',
  'bad-value-min',
  'bad-value-format',
  'too-short-empty',
  'too-many-hangup',
  'unknown-variable-self',
  'unknown-variable-unset',
  'digits-min-over-max',
  'digits-max-too-few',
  'digits-min-too-many',
];

describe('problem messages', () => {
  it('say every issue code in Japanese and English', () => {
    for (const lang of ['ja', 'en'] as const) {
      const codes = problemsMessages[lang].codes as Record<string, string>;
      for (const key of [...issueCodes, ...variants]) expect(codes[key], `${lang} ${key}`).toBeTruthy();
      expect(Object.keys(codes).sort()).toEqual(Object.keys(problemsMessages.ja.codes).sort());
    }
  });
});
