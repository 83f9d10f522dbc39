/** Messages of editor/json-view (Japanese first). */
export const jsonViewMessages = {
  ja: {},
  en: {},
} as const;
