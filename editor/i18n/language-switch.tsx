/** The button that switches the editor between Japanese and English (in every header). */
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from './setup.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other: Language = i18n.language === 'en' ? 'ja' : 'en';
  return (
    <button
      type="button"
      className="language-switch"
      onClick={() => setLanguage(other)}
      aria-label={t('languageLabel')}
      lang={other}
    >
      {t('language')}
    </button>
  );
}
