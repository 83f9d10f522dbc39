/** 「複製」: the flow's draft under a new name and id, created next to the original. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import { ApiError, api, type FlowSummary } from '../api/client.ts';
import { copyFlow, uniqueId } from '../model/pages-flow-files.ts';
import { Dialog } from './dialog.tsx';
import { IssueList } from './issue-list.tsx';
import { isNameIdValid, type NameId, NameIdFields } from './name-id-fields.tsx';

export interface CopyFlowDialogProps {
  flow: FlowSummary;
  taken: ReadonlySet<string>;
  onClose: () => void;
  onDone: (name: string) => void;
}

export function CopyFlowDialog({ flow, taken, onClose, onDone }: CopyFlowDialogProps) {
  const { t } = useTranslation('pages');
  const [value, setValue] = useState<NameId>(() => ({
    name: t('flows.copyDialog.nameSuffix', { name: flow.name }).slice(0, 100),
    id: uniqueId(`${flow.id.slice(0, 59)}-copy`, taken),
    idEdited: true, // the copy's id derives from the original's, not from the new name
  }));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; issues: Issue[] }>();

  const submit = async () => {
    setAttempted(true);
    if (!isNameIdValid(value, taken) || busy) return;
    setBusy(true);
    try {
      const original = await api.flow(flow.id);
      const name = value.name.trim();
      await api.createFlow(copyFlow(original.draft, value.id, name));
      onDone(name);
    } catch (error) {
      setBusy(false);
      setFailure({
        message: error instanceof Error ? error.message : String(error),
        issues: error instanceof ApiError ? error.issues : [],
      });
    }
  };

  return (
    <Dialog
      title={t('flows.copyDialog.title', { name: flow.name })}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('working') : t('flows.copyDialog.submit')}
          </button>
        </>
      }
    >
      <p className="field-help dialog-intro">{t('flows.copyDialog.help')}</p>
      <NameIdFields
        value={value}
        onChange={setValue}
        taken={taken}
        attempted={attempted}
        fallbackId="flow"
        labels={{
          name: t('flows.fields.name'),
          nameHelp: t('flows.fields.nameHelp'),
          id: t('flows.fields.id'),
          idHelp: t('flows.fields.idHelp'),
        }}
      />
      {failure && (
        <div className="notice error" role="alert">
          {t('actionError', { message: failure.message })}
          {failure.issues.length > 0 && <IssueList issues={failure.issues} />}
        </div>
      )}
    </Dialog>
  );
}
