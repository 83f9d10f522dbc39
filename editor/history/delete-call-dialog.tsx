/** The question before one call is deleted, from the log or from the call's own page. */
import { useTranslation } from 'react-i18next';
import { type CallLogEntry, historyApi } from '../api/history-client.ts';
import { formatDateTime } from '../model/pages-format.ts';
import { ConfirmDialog } from '../pages/confirm-dialog.tsx';
import { useCallerText } from './call-log-table.tsx';

export function DeleteCallDialog(props: { call: CallLogEntry; onClose: () => void; onDeleted: () => void }) {
  const { t, i18n } = useTranslation('history');
  const callerText = useCallerText();
  const when = formatDateTime(props.call.startedAt, i18n.language === 'en' ? 'en' : 'ja');
  return (
    <ConfirmDialog
      title={t('log.deleteDialog.title')}
      confirmLabel={t('log.deleteDialog.submit')}
      danger
      onClose={props.onClose}
      onConfirm={async () => {
        await historyApi.deleteCall(props.call.id);
        props.onDeleted();
      }}
    >
      <p>{t('log.deleteDialog.body', { when, caller: callerText(props.call) })}</p>
    </ConfirmDialog>
  );
}
