/** Messages of editor/problems (Japanese first). */
export const problemsMessages = {
  ja: {},
  en: {},
} as const;
