/**
 * The numbers page: which flow answers each number, with its lines, SMS sender and fallback.
 * One number is edited at a time in a form under the list.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type NumberRecord } from '../api/client.ts';
import { useCan } from '../auth/account-store.ts';
import { formatPhone } from '../model/pages-number-form.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { NumberFormPanel } from './number-form.tsx';
import { useLoad } from './use-load.ts';
import './pages.css';
import './numbers-page.css';

/** What the form shows: nothing, a new number, or a stored one. */
type Editing = { kind: 'add' } | { kind: 'edit'; record: NumberRecord };

export function NumbersPage() {
  const { t } = useTranslation('pages');
  // Which flow answers a number is an editor's setting; others see the list.
  const editable = useCan()('settings:edit');
  const numbers = useLoad(() => api.numbers());
  const flows = useLoad(() => api.flows());
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<NumberRecord>();
  const [notice, setNotice] = useState<string>();
  const flowById = useMemo(() => new Map((flows.data ?? []).map((f) => [f.id, f])), [flows.data]);
  const list = numbers.data ?? [];

  const edit = (next: Editing | undefined) => {
    setNotice(undefined);
    setEditing(next);
  };

  return (
    <div className="page numbers-page">
      <div className="page-head">
        <div>
          <h1>{t('numbers.title')}</h1>
          <p className="page-intro">{t('numbers.intro')}</p>
        </div>
        {editable && (
          <div className="page-actions">
            <button
              type="button"
              className="button primary"
              data-testid="add-number"
              onClick={() => edit({ kind: 'add' })}
            >
              {t('numbers.add')}
            </button>
          </div>
        )}
      </div>

      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>

      {(numbers.error ?? flows.error) && (
        <div className="notice error" role="alert">
          {t('loadError', { message: numbers.error ?? flows.error })}{' '}
          <button
            type="button"
            className="button small"
            onClick={() => {
              numbers.reload();
              flows.reload();
            }}
          >
            {t('retry')}
          </button>
        </div>
      )}

      {numbers.data && list.length === 0 && editing === undefined && (
        <div className="panel empty-state">
          <h2>{t('numbers.empty.title')}</h2>
          <p>{t('numbers.empty.body')}</p>
          {editable && (
            <button type="button" className="button primary" onClick={() => edit({ kind: 'add' })}>
              {t('numbers.add')}
            </button>
          )}
        </div>
      )}

      {list.length > 0 && (
        <div className="panel table-wrap">
          <table className="data-table">
            <caption>{t('numbers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('numbers.columns.number')}</th>
                <th scope="col">{t('numbers.columns.label')}</th>
                <th scope="col">{t('numbers.columns.flow')}</th>
                <th scope="col">{t('numbers.columns.lines')}</th>
                <th scope="col">{t('numbers.columns.sender')}</th>
                <th scope="col">{t('numbers.columns.fallback')}</th>
                <th scope="col">{t('numbers.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((n) => {
                const flow = n.flowId ? flowById.get(n.flowId) : undefined;
                const selected = editing?.kind === 'edit' && editing.record.number === n.number;
                return (
                  <tr
                    key={n.number}
                    data-testid={`number-row-${n.number}`}
                    className={selected ? 'selected' : undefined}
                  >
                    <th scope="row" className="nowrap phone">
                      {formatPhone(n.number)}
                    </th>
                    <td>{n.label || <span className="muted">—</span>}</td>
                    <td>
                      {flow ? (
                        <>
                          <a className="text-link" href={`#/flows/${encodeURIComponent(flow.id)}`}>
                            {flow.name}
                          </a>
                          {flow.publishedVersion === null && (
                            <span className="badge warn">{t('numbers.notPublished')}</span>
                          )}
                        </>
                      ) : (
                        <span className="badge off">{n.flowId ?? t('numbers.noFlow')}</span>
                      )}
                    </td>
                    <td className="nowrap">{n.lines}</td>
                    <td className="mono">{n.smsSenderId ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">
                      {formatPhone(n.fallbackNumber) || <span className="muted">—</span>}
                    </td>
                    <td>
                      {editable && (
                        <button
                          type="button"
                          className="button small"
                          aria-label={t('numbers.editLabel', { number: formatPhone(n.number) })}
                          onClick={() => edit({ kind: 'edit', record: n })}
                        >
                          {t('numbers.edit')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {editing && (
        <NumberFormPanel
          key={editing.kind === 'edit' ? editing.record.number : 'new'}
          record={editing.kind === 'edit' ? editing.record : undefined}
          flows={flows.data ?? []}
          existing={list.map((n) => n.number)}
          onCancel={() => edit(undefined)}
          onDelete={setDeleting}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice(t('numbers.done.saved', { number: formatPhone(saved.number) }));
            numbers.reload();
          }}
        />
      )}

      {deleting && (
        <ConfirmDialog
          title={t('numbers.deleteDialog.title')}
          confirmLabel={t('numbers.deleteDialog.submit')}
          danger
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await api.deleteNumber(deleting.number);
            setDeleting(undefined);
            setEditing(undefined);
            setNotice(t('numbers.done.deleted', { number: formatPhone(deleting.number) }));
            numbers.reload();
          }}
        >
          <p>
            {t('numbers.deleteDialog.body', {
              number: formatPhone(deleting.number),
              label: deleting.label || '—',
            })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
