/**
 * 「CSV を読み込む」: choose a file and how to import it (add and update, or replace the book),
 * then see what happened — how many were added, updated or unchanged, and each row that could
 * not be imported with its line number and reason, in words the person can act on.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import {
  contactsApi,
  type ImportMode,
  type ImportResult,
  type ImportRowError,
} from '../api/contacts-client.ts';
import { Dialog } from './dialog.tsx';

export interface ContactsImportDialogProps {
  /** How many contacts the book holds now (replace deletes them). */
  total: number;
  onClose: () => void;
  /** After an import that changed the book: reload the list. */
  onImported: () => void;
}

const encodingNames: Record<string, string> = {
  'utf-8': 'UTF-8',
  shift_jis: 'Shift_JIS',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

export function ContactsImportDialog({ total, onClose, onImported }: ContactsImportDialogProps) {
  const { t } = useTranslation('pages');
  const id = useId();
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<ImportMode>('merge');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [failure, setFailure] = useState<string>();
  const [attempted, setAttempted] = useState(false);

  const rowReason = (error: ImportRowError) => {
    const key = `contacts.importDialog.rowErrors.${error.code}`;
    return t(key, {
      value: error.value ?? '',
      limit: error.limit ?? '',
      owner: error.owner ?? '',
      defaultValue: error.message,
    });
  };

  const submit = async () => {
    setAttempted(true);
    if (!file || busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const imported = await contactsApi.importCsv(file, mode);
      setResult(imported);
      onImported();
    } catch (error) {
      const code = error instanceof ApiError ? error.body.code : undefined;
      setFailure(
        typeof code === 'string'
          ? t(`contacts.importDialog.fileErrors.${code}`, { defaultValue: (error as Error).message })
          : t('actionError', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const actions = result ? (
    <button type="button" className="button primary" onClick={onClose} data-autofocus>
      {t('close')}
    </button>
  ) : (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('cancel')}
      </button>
      <button
        type="submit"
        className={mode === 'replace' ? 'button danger-solid' : 'button primary'}
        disabled={busy}
      >
        {busy
          ? t('working')
          : mode === 'replace'
            ? t('contacts.importDialog.submitReplace')
            : t('contacts.importDialog.submit')}
      </button>
    </>
  );

  return (
    <Dialog
      title={t('contacts.importDialog.title')}
      onClose={onClose}
      onSubmit={result ? onClose : submit}
      wide
      actions={actions}
    >
      {result ? (
        <ImportSummary result={result} rowReason={rowReason} />
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('contacts.importDialog.file')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              data-autofocus
              aria-describedby={`${id}-file-help`}
              aria-invalid={attempted && !file ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0])}
            />
            <p id={`${id}-file-help`} className="field-help">
              {t('contacts.importDialog.fileHelp')}
            </p>
            {attempted && !file && <p className="field-error">{t('contacts.importDialog.chooseFile')}</p>}
          </div>
          <fieldset className="choice-list">
            <legend>{t('contacts.importDialog.mode')}</legend>
            {(['merge', 'replace'] as const).map((m) => (
              <label key={m} className="choice">
                <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
                <span>
                  {t(`contacts.importDialog.${m}`)}
                  <small>
                    {m === 'merge'
                      ? t('contacts.importDialog.mergeHelp')
                      : t('contacts.importDialog.replaceHelp', { count: total })}
                  </small>
                </span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
    </Dialog>
  );
}

function ImportSummary({
  result,
  rowReason,
}: {
  result: ImportResult;
  rowReason: (error: ImportRowError) => string;
}) {
  const { t } = useTranslation('pages');
  return (
    <div className="contacts-import-result" data-testid="import-result">
      <p className="notice ok" role="status">
        {t('contacts.importDialog.summary', {
          imported: result.imported,
          updated: result.updated,
          unchanged: result.unchanged,
        })}
      </p>
      {result.merged > 0 && <p>{t('contacts.importDialog.merged', { count: result.merged })}</p>}
      {result.ignoredColumns.length > 0 && (
        <p className="notice info">
          {t('contacts.importDialog.ignored', { columns: result.ignoredColumns.join('、') })}
        </p>
      )}
      {result.errors.length > 0 && (
        <div className="notice warn">
          <h3>{t('contacts.importDialog.errorsTitle', { count: result.errors.length })}</h3>
          <ul className="issue-list">
            {result.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several problems; the list never changes
              <li key={index}>
                {t('contacts.importDialog.errorLine', { line: error.line, reason: rowReason(error) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted">
        {t('contacts.importDialog.encoding', { encoding: encodingNames[result.encoding] ?? result.encoding })}
      </p>
    </div>
  );
}
