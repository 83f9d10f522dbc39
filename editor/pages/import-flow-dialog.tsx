/**
 * 「読み込み」: what an imported file holds, checked before anything is sent. A file with errors
 * is explained and refused; warnings are shown but do not block; an id that already exists gets
 * a fresh suggestion instead of overwriting someone's flow.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import type { ValidationContext } from '../../schema/validate.ts';
import { ApiError, api } from '../api/client.ts';
import { copyFlow, type ImportResult, readFlowFile, uniqueId } from '../model/pages-flow-files.ts';
import { Dialog } from './dialog.tsx';
import { IssueList } from './issue-list.tsx';
import { isNameIdValid, type NameId, NameIdFields } from './name-id-fields.tsx';

/** Reads a chosen file against what the server knows (its schedules and channels). */
export async function readImport(file: File): Promise<ImportResult> {
  const [text, schedules, channels] = await Promise.all([file.text(), api.schedules(), api.channels()]);
  const context: ValidationContext = { schedules: Object.fromEntries(schedules.map((s) => [s.id, s])) };
  // An empty channel list means the server does not check channels: do not check them here either.
  if (channels.length > 0) context.channels = channels.map((c) => c.id);
  return readFlowFile(text, context);
}

export interface ImportFlowDialogProps {
  fileName: string;
  result: ImportResult;
  taken: ReadonlySet<string>;
  onClose: () => void;
  onDone: (name: string) => void;
}

export function ImportFlowDialog({ fileName, result, taken, onClose, onDone }: ImportFlowDialogProps) {
  const { t } = useTranslation('pages');
  const doc = result.ok ? result.doc : undefined;
  const clash = doc ? taken.has(doc.id) : false;
  const [value, setValue] = useState<NameId>(() => ({
    name: doc?.name ?? '',
    id: doc ? uniqueId(doc.id, taken) : '',
    idEdited: true,
  }));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; issues: Issue[] }>();

  const submit = async () => {
    setAttempted(true);
    if (!doc || !isNameIdValid(value, taken) || busy) return;
    setBusy(true);
    try {
      const name = value.name.trim();
      await api.createFlow(copyFlow(doc, value.id, name));
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
      title={t('flows.importDialog.title')}
      onClose={onClose}
      onSubmit={doc ? submit : onClose}
      wide
      actions={
        doc ? (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('cancel')}
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('working') : t('flows.importDialog.submit')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t('close')}
          </button>
        )
      }
    >
      <p className="muted">{t('flows.importDialog.file', { file: fileName })}</p>
      {!result.ok && result.reason === 'not-json' && (
        <p className="notice error" role="alert">
          {t('flows.importDialog.notJson')}
        </p>
      )}
      {!result.ok && result.reason === 'invalid' && (
        <div className="notice error" role="alert">
          {t('flows.importDialog.invalid')}
          <IssueList issues={result.issues} />
        </div>
      )}
      {result.ok && (
        <>
          {result.warnings.length > 0 && (
            <div className="notice warn">
              {t('flows.importDialog.warnings')}
              <IssueList issues={result.warnings} />
            </div>
          )}
          {clash && <p className="notice info">{t('flows.importDialog.clash', { id: result.doc.id })}</p>}
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
        </>
      )}
      {failure && (
        <div className="notice error" role="alert">
          {t('actionError', { message: failure.message })}
          {failure.issues.length > 0 && <IssueList issues={failure.issues} />}
        </div>
      )}
    </Dialog>
  );
}
