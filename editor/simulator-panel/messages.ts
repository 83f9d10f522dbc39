/** Messages of editor/simulator-panel (Japanese first). */
export const simulatorMessages = {
  ja: {},
  en: {},
} as const;
