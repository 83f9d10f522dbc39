/**
 * The frame of the screens used before logging in (login, forgot / reset password, first setup,
 * invitation): the brand and the language switch on top, one centred card with a heading.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import '../pages/pages.css';
import './auth.css';

export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="app auth-screen">
      <header className="app-header">
        <span className="brand">{t('appName')}</span>
        <span className="auth-tagline">{t('tagline')}</span>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <section className="auth-card" aria-labelledby="auth-card-title">
          <h1 id="auth-card-title">{title}</h1>
          {intro && <p className="auth-intro">{intro}</p>}
          {children}
        </section>
      </main>
    </div>
  );
}

/** A failure of the form, read out when it appears (role=alert). */
export function AuthError({ message }: { message: string | undefined }) {
  return message ? (
    <p className="notice error auth-error" role="alert">
      {message}
    </p>
  ) : null;
}
