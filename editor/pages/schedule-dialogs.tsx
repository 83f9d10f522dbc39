/**
 * The hours page's dialogs: a new schedule (name and id; it starts as weekdays 9–18 and is
 * stored at once so flows can pick it), and deleting one, which first looks for the flows whose
 * 「営業時間」 steps use it — deleting it would leave them unable to save or publish.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { api } from '../api/client.ts';
import { blankSchedule } from '../model/pages-schedule-edit.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { Dialog } from './dialog.tsx';
import { initialNameId, isNameIdValid, NameIdFields } from './name-id-fields.tsx';
import { useLoad } from './use-load.ts';

export function NewScheduleDialog(props: {
  taken: ReadonlySet<string>;
  onClose: () => void;
  onCreated: (doc: ScheduleDocument) => void;
}) {
  const { t } = useTranslation('pages');
  const { taken, onClose, onCreated } = props;
  const [value, setValue] = useState(() => initialNameId('', taken, 'hours'));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async () => {
    setAttempted(true);
    if (!isNameIdValid(value, taken) || busy) return;
    setBusy(true);
    try {
      onCreated(await api.saveSchedule(blankSchedule(value.id, value.name.trim())));
    } catch (error) {
      setBusy(false);
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Dialog
      title={t('hours.createDialog.title')}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('working') : t('hours.createDialog.submit')}
          </button>
        </>
      }
    >
      <NameIdFields
        value={value}
        onChange={setValue}
        taken={taken}
        attempted={attempted}
        fallbackId="hours"
        labels={{
          name: t('hours.createDialog.name'),
          nameHelp: t('hours.createDialog.nameHelp'),
          id: t('hours.createDialog.id'),
          idHelp: t('hours.createDialog.idHelp'),
        }}
      />
      <p className="field-help">{t('hours.createDialog.start')}</p>
      {failure && (
        <p className="notice error" role="alert">
          {t('actionError', { message: failure })}
        </p>
      )}
    </Dialog>
  );
}

/** Names of the flows whose drafts have an hours step on this schedule. */
async function flowsUsing(scheduleId: string): Promise<string[]> {
  const summaries = await api.flows();
  const records = await Promise.all(summaries.map((s) => api.flow(s.id)));
  return records
    .filter((r) => r.draft.nodes.some((n) => n.kind === 'hours' && n.params.schedule === scheduleId))
    .map((r) => r.name);
}

export function DeleteScheduleDialog(props: {
  schedule: ScheduleDocument;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('pages');
  const { schedule, onClose, onDeleted } = props;
  const users = useLoad(() => flowsUsing(schedule.id));
  return (
    <ConfirmDialog
      title={t('hours.deleteDialog.title')}
      confirmLabel={t('hours.deleteDialog.submit')}
      danger
      onClose={onClose}
      onConfirm={async () => {
        await api.deleteSchedule(schedule.id);
        onDeleted();
      }}
    >
      <p>{t('hours.deleteDialog.body', { name: schedule.name })}</p>
      {users.loading && <p className="muted">{t('hours.deleteDialog.checking')}</p>}
      {users.data && users.data.length > 0 && (
        <div className="notice warn">
          {t('hours.deleteDialog.usedBy')}
          <ul>
            {users.data.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      )}
    </ConfirmDialog>
  );
}
