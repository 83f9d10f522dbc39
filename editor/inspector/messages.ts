/** Messages of editor/inspector (Japanese first). */
export const inspectorMessages = {
  ja: {},
  en: {},
} as const;
