/**
 * 連絡先: the contact book. Search as you type (name, company, number in any form, notes), a
 * tag filter, 50 a page; add and edit in a dialog, delete after a question, import a CSV file
 * (Excel's Shift_JIS or UTF-8) and export one (UTF-8 with BOM for Excel, or Shift_JIS).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Contact, contactsApi, type ExportEncoding } from '../api/contacts-client.ts';
import { useCan } from '../auth/account-store.ts';
import { contactName } from '../model/pages-contacts.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ContactFormDialog } from './contacts-form.tsx';
import { ContactsImportDialog } from './contacts-import.tsx';
import { ContactsTable } from './contacts-table.tsx';
import { saveFile } from './save-file.ts';
import { useLoad } from './use-load.ts';
import { useSettled } from './use-settled.ts';
import './pages.css';
import './contacts-page.css';

const pageSize = 50;

type Editing = { kind: 'add' } | { kind: 'edit'; contact: Contact };

export function ContactsPage() {
  const { t } = useTranslation('pages');
  // Keeping the contact book is for operators and up; viewers look things up and export.
  const editable = useCan()('contacts:edit');
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [offset, setOffset] = useState(0);
  const settled = useSettled(search, 250);
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<Contact>();
  const [importing, setImporting] = useState(false);
  const [encoding, setEncoding] = useState<ExportEncoding>('utf-8');
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const page = useLoad(() => contactsApi.list({ search: settled, tag, limit: pageSize, offset }));
  const tags = useLoad(() => contactsApi.tags());
  const everyone = useLoad(() => contactsApi.list({ limit: 1 }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the filters or the page change
  useEffect(() => page.reload(), [settled, tag, offset]);

  const reloadAll = () => {
    page.reload();
    tags.reload();
    everyone.reload();
  };
  const filter = (change: () => void) => {
    change();
    setOffset(0);
  };
  const exportCsv = async () => {
    setFailure(undefined);
    try {
      const { blob, fileName } = await contactsApi.exportCsv(encoding, { search: settled, tag });
      saveFile(blob, fileName);
      setNotice(t('contacts.done.exported', { file: fileName }));
    } catch (error) {
      setFailure(t('actionError', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const total = page.data?.total ?? 0;
  const bookSize = everyone.data?.total;
  const items = page.data?.items ?? [];
  const filtered = settled !== '' || tag !== '';

  return (
    <div className="page contacts-page">
      <div className="page-head">
        <div>
          <h1>{t('contacts.title')}</h1>
          <p className="page-intro">{t('contacts.intro')}</p>
        </div>
        <div className="page-actions">
          {editable && (
            <>
              <button type="button" className="button primary" onClick={() => setEditing({ kind: 'add' })}>
                {t('contacts.add')}
              </button>
              <button type="button" className="button" onClick={() => setImporting(true)}>
                {t('contacts.import')}
              </button>
            </>
          )}
          <select
            aria-label={t('contacts.exportEncoding')}
            value={encoding}
            onChange={(e) => setEncoding(e.target.value as ExportEncoding)}
          >
            {(['utf-8', 'shift_jis'] as const).map((e) => (
              <option key={e} value={e}>
                {t(`contacts.encodings.${e}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={exportCsv} disabled={bookSize === 0}>
            {t('contacts.export')}
          </button>
        </div>
      </div>

      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      {(failure ?? page.error) && (
        <div className="notice error" role="alert">
          {failure ?? t('loadError', { message: page.error })}{' '}
          {!failure && (
            <button type="button" className="button small" onClick={reloadAll}>
              {t('retry')}
            </button>
          )}
        </div>
      )}

      {bookSize === 0 ? (
        <div className="panel empty-state">
          <h2>{t('contacts.empty.title')}</h2>
          <p>{t('contacts.empty.body')}</p>
          {editable && (
            <>
              <button type="button" className="button primary" onClick={() => setEditing({ kind: 'add' })}>
                {t('contacts.add')}
              </button>{' '}
              <button type="button" className="button" onClick={() => setImporting(true)}>
                {t('contacts.import')}
              </button>
            </>
          )}
        </div>
      ) : (
        <>
          <search className="contacts-filters">
            <label>
              <span>{t('contacts.search')}</span>
              <input
                type="search"
                value={search}
                placeholder={t('contacts.searchPlaceholder')}
                onChange={(e) => filter(() => setSearch(e.target.value))}
              />
            </label>
            <label>
              <span>{t('contacts.tagFilter')}</span>
              <select value={tag} onChange={(e) => filter(() => setTag(e.target.value))}>
                <option value="">{t('contacts.allTags')}</option>
                {(tags.data ?? []).map((entry) => (
                  <option key={entry.tag} value={entry.tag}>
                    {entry.tag} ({entry.count})
                  </option>
                ))}
              </select>
            </label>
            <p className="muted" aria-live="polite">
              {page.data && t('contacts.count', { count: total })}
            </p>
          </search>

          {page.data && items.length === 0 && filtered && (
            <p className="panel contacts-none">{t('contacts.noMatch')}</p>
          )}
          {items.length > 0 && (
            <ContactsTable
              items={items}
              onEdit={(c) => setEditing({ kind: 'edit', contact: c })}
              onDelete={setDeleting}
            />
          )}
          {total > pageSize && (
            <nav className="contacts-paging" aria-label={t('contacts.title')}>
              <button
                type="button"
                className="button small"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - pageSize))}
              >
                {t('contacts.previous')}
              </button>
              <span>
                {t('contacts.range', { total, from: offset + 1, to: Math.min(total, offset + pageSize) })}
              </span>
              <button
                type="button"
                className="button small"
                disabled={offset + pageSize >= total}
                onClick={() => setOffset(offset + pageSize)}
              >
                {t('contacts.next')}
              </button>
            </nav>
          )}
        </>
      )}

      {editing && (
        <ContactFormDialog
          contact={editing.kind === 'edit' ? editing.contact : undefined}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice(t('contacts.done.saved', { name: contactName(saved) }));
            reloadAll();
          }}
        />
      )}
      {importing && (
        <ContactsImportDialog
          total={bookSize ?? 0}
          onClose={() => setImporting(false)}
          onImported={reloadAll}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('contacts.deleteDialog.title')}
          confirmLabel={t('contacts.deleteDialog.submit')}
          danger
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await contactsApi.remove(deleting.id);
            setDeleting(undefined);
            setNotice(t('contacts.done.deleted', { name: contactName(deleting) }));
            reloadAll();
          }}
        >
          <p>{t('contacts.deleteDialog.body', { name: contactName(deleting) })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
