/**
 * Under the simulator's caller number: who that is in the contact book (「連絡先: さくら商事
 * 山田 太郎」), so a tester sees which caller they are playing. Asked once the number stops
 * changing, only for numbers that parse (a withheld or half-typed number asks nothing), and
 * silent when the book does not know the number or cannot be reached.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePhone } from '../../schema/phone.ts';
import { type Contact, contactsApi } from '../api/contacts-client.ts';

export function CallerContact({ from }: { from: string }) {
  const { t } = useTranslation('pages');
  const [found, setFound] = useState<{ e164: string; contact: Contact }>();
  const e164 = parsePhone(from)?.e164;

  useEffect(() => {
    if (!e164) return;
    let current = true;
    const timer = setTimeout(() => {
      contactsApi.lookup(e164).then(
        (answer) => current && setFound(answer.contact ? { e164, contact: answer.contact } : undefined),
        () => current && setFound(undefined),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [e164]);

  if (!found || found.e164 !== e164) return null;
  const label = [found.contact.company, found.contact.name].filter(Boolean).join(' ');
  return (
    <p className="sim-kind sim-contact" data-testid="caller-contact">
      {t('contacts.simulator.known', { label })}
    </p>
  );
}
