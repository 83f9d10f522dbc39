/** Messages of editor/flow-page (Japanese first). */
export const flowPageMessages = {
  ja: {},
  en: {},
} as const;
