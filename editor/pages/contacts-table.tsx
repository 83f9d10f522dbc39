/** The contacts of one page of the list: name, company, numbers (domestic form), tags, notes, actions. */
import { useTranslation } from 'react-i18next';
import type { Contact } from '../api/contacts-client.ts';
import { useCan } from '../auth/account-store.ts';
import { contactName } from '../model/pages-contacts.ts';
import { formatPhone } from '../model/pages-number-form.ts';

export function ContactsTable({
  items,
  onEdit,
  onDelete,
}: {
  items: Contact[];
  onEdit: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
}) {
  const { t } = useTranslation('pages');
  const editable = useCan()('contacts:edit');
  return (
    <div className="panel table-wrap">
      <table className="data-table">
        <caption>{t('contacts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contacts.columns.name')}</th>
            <th scope="col">{t('contacts.columns.company')}</th>
            <th scope="col">{t('contacts.columns.numbers')}</th>
            <th scope="col">{t('contacts.columns.tags')}</th>
            <th scope="col">{t('contacts.columns.notes')}</th>
            <th scope="col">{t('contacts.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name || <span className="muted">—</span>}</th>
              <td>{c.company || <span className="muted">—</span>}</td>
              <td className="nowrap contact-numbers-cell">
                {c.numbers.map((n) => (
                  <div key={n}>{formatPhone(n)}</div>
                ))}
              </td>
              <td>
                {c.tags.map((tag) => (
                  <span key={tag} className="badge off contact-tag">
                    {tag}
                  </span>
                ))}
              </td>
              <td className="contact-notes" title={c.notes}>
                {c.notes}
              </td>
              <td>
                {editable && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('contacts.editLabel', { name: contactName(c) })}
                      onClick={() => onEdit(c)}
                    >
                      {t('contacts.edit')}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('contacts.deleteLabel', { name: contactName(c) })}
                      onClick={() => onDelete(c)}
                    >
                      {t('contacts.delete')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
