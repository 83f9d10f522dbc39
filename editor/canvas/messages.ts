/** Messages of editor/canvas (Japanese first). */
export const canvasMessages = {
  ja: {},
  en: {},
} as const;
