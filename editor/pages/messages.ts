/** Messages of editor/pages (Japanese first). */
export const pagesMessages = {
  ja: {},
  en: {},
} as const;
