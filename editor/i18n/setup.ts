/**
 * i18next with one namespace per area of the editor (each area owns its messages file).
 * Japanese first; the choice is remembered in localStorage.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { authMessages } from '../auth/messages.ts';
import { canvasMessages } from '../canvas/messages.ts';
import { flowPageMessages } from '../flow-page/messages.ts';
import { historyMessages } from '../history/messages.ts';
import { inspectorMessages } from '../inspector/messages.ts';
import { jsonViewMessages } from '../json-view/messages.ts';
import { pagesMessages } from '../pages/messages.ts';
import { problemsMessages } from '../problems/messages.ts';
import { simulatorMessages } from '../simulator-panel/messages.ts';
import { commonMessages } from './common-messages.ts';

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'flowcall.language';

const namespaces = {
  common: commonMessages,
  canvas: canvasMessages,
  inspector: inspectorMessages,
  problems: problemsMessages,
  json: jsonViewMessages,
  simulator: simulatorMessages,
  flowPage: flowPageMessages,
  pages: pagesMessages,
  history: historyMessages,
  auth: authMessages,
};

const resources = Object.fromEntries(
  languages.map((lng) => [
    lng,
    Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m[lng]])),
  ]),
);

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;

void i18n.use(initReactI18next).init({
  resources,
  lng: stored === 'en' ? 'en' : 'ja',
  fallbackLng: 'ja',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
