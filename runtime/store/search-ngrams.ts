/**
 * Overlapping character pairs (bigrams) for the call-history search: Japanese has no spaces
 * between words, so a word tokenizer finds nothing, and FTS5's trigram tokenizer cannot find
 * two-character words such as 予約 or 田中. Every text is indexed as the bigrams of its runs of
 * letters and digits plus each run's last character; a query word becomes the phrase of its own
 * bigrams, which matches exactly where the word occurs (any length from 2), and a one-character
 * word is a prefix query. Used by the SQLite dialect module (history-search-sqlite.ts).
 */

/** NFKC (full-width ＡＢＣ１２３ and half-width ｶﾅ become one form), lower case, split into runs. */
function runs(text: string): string[][] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((run) => run !== '')
    .map((run) => [...run]);
}

/** The tokens to index: bigrams of each run, then the run's last character (for 1-character search). */
export function ngramText(text: string): string {
  const tokens: string[] = [];
  for (const chars of runs(text)) {
    for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(`${chars[i]}${chars[i + 1]}`);
    tokens.push(chars[chars.length - 1] as string);
  }
  return tokens.join(' ');
}

/**
 * An FTS5 query for what a person typed: every run of every word must occur (AND), each as the
 * phrase of its bigrams; undefined when nothing searchable was typed (only punctuation).
 */
export function ngramQuery(typed: string): string | undefined {
  const terms: string[] = [];
  for (const chars of runs(typed)) {
    if (chars.length === 1) {
      // Any bigram starting with the character, or the character ending a run.
      terms.push(`"${chars[0]}"*`);
      continue;
    }
    const bigrams: string[] = [];
    for (let i = 0; i + 1 < chars.length; i += 1) bigrams.push(`${chars[i]}${chars[i + 1]}`);
    terms.push(`"${bigrams.join(' ')}"`);
  }
  return terms.length > 0 ? terms.join(' ') : undefined;
}
