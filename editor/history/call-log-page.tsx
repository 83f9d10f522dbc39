/**
 * 通話履歴 (#/history): every call newest first with its result in plain words, filters and a
 * search over transcripts, digits and names, keyset pages, CSV export (with the filters) and the
 * JSON API for BI tools, deleting one call or — after typing a confirmation — all of them, and
 * how long history is kept. Opening a call shows its path on the canvas (call-detail-page.tsx).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallLogEntry, historyApi } from '../api/history-client.ts';
import { useCan } from '../auth/account-store.ts';
import {
  apiFilters,
  firstPage,
  hasFilters,
  type LogFilters,
  newerPage,
  noFilters,
  olderPage,
  type PageTrail,
} from '../model/history-filters.ts';
import { saveFile } from '../pages/save-file.ts';
import { useLoad } from '../pages/use-load.ts';
import { useSettled } from '../pages/use-settled.ts';
import { CallLogFilters } from './call-log-filters.tsx';
import { CallLogTable } from './call-log-table.tsx';
import { DeleteAllDialog } from './delete-all-dialog.tsx';
import { DeleteCallDialog } from './delete-call-dialog.tsx';
import { RetentionSetting } from './retention-setting.tsx';
import { useFilterOptions } from './use-filter-options.ts';
import { useReloadOn } from './use-reload-on.ts';
import '../pages/pages.css';
import './history.css';

const pageSize = 50;
// Kept while the editor is open, so coming back from a call's details finds the same list.
let remembered: { filters: LogFilters; trail: PageTrail } = { filters: noFilters, trail: firstPage };

export function CallLogPage() {
  const { t } = useTranslation('history');
  const { t: tp } = useTranslation('pages');
  const options = useFilterOptions();
  const [filters, setFilters] = useState(remembered.filters);
  const [trail, setTrail] = useState(remembered.trail);
  const [deleting, setDeleting] = useState<CallLogEntry>();
  const [deletingAll, setDeletingAll] = useState(false);
  const can = useCan();
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();
  // The search box waits for a pause in typing; the other filters apply at once.
  const q = useSettled(filters.q);
  const query = apiFilters({ ...filters, q });
  const queryKey = JSON.stringify(query);
  const cursor = trail.cursors[trail.index];
  const page = useLoad(() => historyApi.calls(query, { limit: pageSize, ...(cursor ? { cursor } : {}) }));
  useReloadOn(`${queryKey}|${cursor ?? ''}`, page.reload);
  useEffect(() => {
    remembered = { filters, trail };
  }, [filters, trail]);

  const changeFilters = (next: LogFilters) => {
    setFilters(next);
    setTrail(firstPage);
  };
  const exportCsv = async () => {
    setFailure(undefined);
    try {
      const { blob, fileName } = await historyApi.exportCsv(query);
      saveFile(blob, fileName);
      setNotice(t('log.exported', { file: fileName }));
    } catch (error) {
      setFailure(tp('actionError', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const calls = page.data?.calls ?? [];
  const filtered = hasFilters({ ...filters, q });
  const empty = page.data !== undefined && calls.length === 0 && trail.index === 0;

  return (
    <div className="page history-page">
      <div className="page-head">
        <div>
          <h1>{t('log.title')}</h1>
          <p className="page-intro">{t('log.intro')}</p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button"
            onClick={() => void exportCsv()}
            data-testid="history-export-csv"
          >
            {t('log.exportCsv')}
          </button>
          <a
            className="text-link"
            href={historyApi.jsonExportUrl(query)}
            target="_blank"
            rel="noreferrer"
            title={t('log.jsonApiHelp')}
          >
            {t('log.jsonApi')}
          </a>
        </div>
      </div>

      <div aria-live="polite">{notice && <p className="notice ok">{notice}</p>}</div>
      {(failure ?? page.error) && (
        <div className="notice error" role="alert">
          {failure ?? tp('loadError', { message: page.error })}{' '}
          {!failure && (
            <button type="button" className="button small" onClick={page.reload}>
              {tp('retry')}
            </button>
          )}
        </div>
      )}

      <CallLogFilters filters={filters} options={options} onChange={changeFilters} />

      {empty && <p className="panel history-none">{filtered ? t('log.none') : t('log.empty')}</p>}
      {calls.length > 0 && (
        <CallLogTable calls={calls} onDelete={can('history:edit') ? setDeleting : undefined} />
      )}
      {(trail.index > 0 || page.data?.next) && (
        <nav className="history-paging" aria-label={t('log.paging')}>
          <button
            type="button"
            className="button small"
            disabled={trail.index === 0}
            onClick={() => setTrail(newerPage(trail))}
          >
            {t('log.newer')}
          </button>
          <span>{t('log.pageOf', { page: trail.index + 1 })}</span>
          <button
            type="button"
            className="button small"
            disabled={!page.data?.next}
            onClick={() => page.data?.next && setTrail(olderPage(trail, page.data.next))}
          >
            {t('log.older')}
          </button>
        </nav>
      )}

      {/* How long calls are kept, and deleting them all, are the owner's. */}
      {can('history:admin') && (
        <section className="panel history-settings">
          <RetentionSetting />
          <div className="history-danger">
            <button type="button" className="button danger" onClick={() => setDeletingAll(true)}>
              {t('log.deleteAll')}
            </button>
          </div>
        </section>
      )}

      {deleting && (
        <DeleteCallDialog
          call={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            setNotice(t('log.deleted'));
            page.reload();
          }}
        />
      )}
      {deletingAll && (
        <DeleteAllDialog
          onClose={() => setDeletingAll(false)}
          onDeleted={(count) => {
            setDeletingAll(false);
            setNotice(t('log.deletedAll', { count }));
            setTrail(firstPage);
            page.reload();
          }}
        />
      )}
    </div>
  );
}
