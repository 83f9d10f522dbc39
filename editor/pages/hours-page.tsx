/**
 * The business-hours page: the schedules as tabs (#/hours/<id>), the editor of the chosen one
 * with its month calendar, and 「新しい営業時間」. Leaving with unsaved changes asks first.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { api } from '../api/client.ts';
import { navigate } from '../app.tsx';
import { useCan } from '../auth/account-store.ts';
import { todayIn } from '../model/calendar-month.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DeleteScheduleDialog, NewScheduleDialog } from './schedule-dialogs.tsx';
import { ScheduleEditor } from './schedule-editor.tsx';
import { useLoad } from './use-load.ts';
import './pages.css';
import './hours-page.css';

const hrefOf = (id: string) => `#/hours/${encodeURIComponent(id)}`;

export function HoursPage({ scheduleId }: { scheduleId?: string }) {
  const { t } = useTranslation('pages');
  const editable = useCan()('settings:edit');
  const loaded = useLoad(() => api.schedules());
  const [docs, setDocs] = useState<ScheduleDocument[]>();
  const [dirty, setDirty] = useState(false);
  const [leaving, setLeaving] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ScheduleDocument>();
  // Read once: the calendar's "today" does not need to tick over while the page is open.
  const [today] = useState(() => todayIn(new Date().toISOString()));

  useEffect(() => {
    if (loaded.data) setDocs(loaded.data);
  }, [loaded.data]);

  const taken = useMemo(() => new Set((docs ?? []).map((d) => d.id)), [docs]);
  const selectedId = scheduleId ?? docs?.[0]?.id;
  const selected = docs?.find((d) => d.id === selectedId);

  /** Goes to a page, asking first when the open schedule has unsaved changes. */
  const go = useCallback((href: string) => (dirty ? setLeaving(href) : navigate(href)), [dirty]);

  // Any in-app link (the tabs, the header's navigation) is checked while changes are unsaved.
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
      const href = link?.getAttribute('href');
      if (!href || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      if (href === window.location.hash || (selectedId && href === hrefOf(selectedId))) return;
      event.preventDefault();
      setLeaving(href);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [dirty, selectedId]);

  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  return (
    <div className="page hours-page">
      <div className="page-head">
        <div>
          <h1>{t('hours.title')}</h1>
          <p className="page-intro">{t('hours.intro')}</p>
        </div>
        {editable && (
          <div className="page-actions">
            <button
              type="button"
              className="button primary"
              data-testid="new-schedule"
              onClick={() => setCreating(true)}
            >
              {t('hours.create')}
            </button>
          </div>
        )}
      </div>

      {loaded.error && (
        <div className="notice error" role="alert">
          {t('loadError', { message: loaded.error })}{' '}
          <button type="button" className="button small" onClick={loaded.reload}>
            {t('retry')}
          </button>
        </div>
      )}

      {docs && docs.length === 0 && (
        <div className="panel empty-state">
          <h2>{t('hours.empty.title')}</h2>
          <p>{t('hours.empty.body')}</p>
          {editable && (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              {t('hours.create')}
            </button>
          )}
        </div>
      )}

      {docs && docs.length > 0 && (
        <nav className="schedule-tabs" aria-label={t('hours.list')}>
          {docs.map((doc) => (
            <a key={doc.id} href={hrefOf(doc.id)} aria-current={doc.id === selectedId ? 'page' : undefined}>
              {doc.name}
            </a>
          ))}
        </nav>
      )}

      {docs && scheduleId && !selected && (
        <p className="notice warn">{t('hours.notFound', { id: scheduleId })}</p>
      )}

      {selected && (
        <ScheduleEditor
          key={selected.id}
          saved={selected}
          today={today}
          onDirtyChange={onDirtyChange}
          onSaved={(doc) => setDocs((list) => list?.map((d) => (d.id === doc.id ? doc : d)))}
          onDelete={() => setDeleting(selected)}
        />
      )}

      {creating && (
        <NewScheduleDialog
          taken={taken}
          onClose={() => setCreating(false)}
          onCreated={(doc) => {
            setCreating(false);
            setDocs((list) => [...(list ?? []), doc]);
            go(hrefOf(doc.id));
          }}
        />
      )}
      {deleting && (
        <DeleteScheduleDialog
          schedule={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            setDirty(false);
            setDocs((list) => list?.filter((d) => d.id !== deleting.id));
            navigate('#/hours');
          }}
        />
      )}
      {leaving && (
        <ConfirmDialog
          title={t('hours.leaveDialog.title')}
          confirmLabel={t('hours.leaveDialog.submit')}
          danger
          onClose={() => setLeaving(undefined)}
          onConfirm={async () => {
            const href = leaving;
            setLeaving(undefined);
            setDirty(false);
            navigate(href);
          }}
        >
          <p>{t('hours.leaveDialog.body', { name: selected?.name ?? '' })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
