/**
 * The flows list: every flow with its published version, the numbers that answer with it and
 * when it last changed; create (blank or from a template), duplicate, delete, import and export.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type FlowSummary, type NumberRecord } from '../api/client.ts';
import { useCan } from '../auth/account-store.ts';
import { exportFileName, flowFileText, type ImportResult, numbersUsing } from '../model/pages-flow-files.ts';
import { formatDateTime } from '../model/pages-format.ts';
import { formatPhone } from '../model/pages-number-form.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { CopyFlowDialog } from './copy-flow-dialog.tsx';
import { ImportFlowDialog, readImport } from './import-flow-dialog.tsx';
import { NewFlowDialog } from './new-flow-dialog.tsx';
import { useLoad } from './use-load.ts';
import './pages.css';
import './flows-list-page.css';

type Open =
  | { kind: 'create' }
  | { kind: 'copy'; flow: FlowSummary }
  | { kind: 'delete'; flow: FlowSummary }
  | { kind: 'import'; fileName: string; result: ImportResult };

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function FlowsListPage() {
  const { t, i18n } = useTranslation('pages');
  // Creating, importing, copying and deleting flows is for editors; everyone may open and export.
  const editable = useCan()('flows:edit');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const flows = useLoad(() => api.flows());
  const numbers = useLoad(() => api.numbers());
  const [open, setOpen] = useState<Open>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const taken = useMemo(() => new Set((flows.data ?? []).map((f) => f.id)), [flows.data]);
  const list = useMemo(
    () => [...(flows.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [flows.data],
  );

  const close = () => setOpen(undefined);
  const done = (text: string) => {
    setOpen(undefined);
    setNotice({ ok: true, text });
    flows.reload();
    numbers.reload();
  };
  const fail = (error: unknown) =>
    setNotice({
      ok: false,
      text: t('actionError', { message: error instanceof Error ? error.message : error }),
    });

  const exportFlow = async (flow: FlowSummary) => {
    try {
      const record = await api.flow(flow.id);
      const file = exportFileName(flow.id);
      download(file, flowFileText(record.draft));
      setNotice({ ok: true, text: t('flows.done.exported', { file }) });
    } catch (error) {
      fail(error);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = ''; // choosing the same file again still fires
    if (!file) return;
    try {
      setOpen({ kind: 'import', fileName: file.name, result: await readImport(file) });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div className="page flows-page">
      <div className="page-head">
        <div>
          <h1>{t('flows.title')}</h1>
          <p className="page-intro">{t('flows.intro')}</p>
        </div>
        {editable && (
          <div className="page-actions">
            <button
              type="button"
              className="button"
              onClick={() => fileInput.current?.click()}
              title={t('flows.importHelp')}
            >
              {t('flows.import')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label={t('flows.importHelp')}
              onChange={(event) => void importFile(event.target.files?.[0])}
            />
            <button
              type="button"
              className="button primary"
              data-testid="new-flow"
              onClick={() => setOpen({ kind: 'create' })}
            >
              {t('flows.create')}
            </button>
          </div>
        )}
      </div>

      <div aria-live="polite">
        {notice && (
          <p className={notice.ok ? 'notice ok' : 'notice error'} role={notice.ok ? 'status' : 'alert'}>
            {notice.text}
          </p>
        )}
      </div>

      {flows.error && (
        <div className="notice error" role="alert">
          {t('loadError', { message: flows.error })}{' '}
          <button type="button" className="button small" onClick={flows.reload}>
            {t('retry')}
          </button>
        </div>
      )}

      {flows.data && list.length === 0 && (
        <div className="panel empty-state">
          <h2>{t('flows.empty.title')}</h2>
          <p>{t('flows.empty.body')}</p>
          {editable && (
            <button type="button" className="button primary" onClick={() => setOpen({ kind: 'create' })}>
              {t('flows.create')}
            </button>
          )}
        </div>
      )}

      {list.length > 0 && (
        <div className="panel table-wrap">
          <table className="data-table">
            <caption>{t('flows.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('flows.columns.name')}</th>
                <th scope="col">{t('flows.columns.id')}</th>
                <th scope="col">{t('flows.columns.published')}</th>
                <th scope="col">{t('flows.columns.numbers')}</th>
                <th scope="col">{t('flows.columns.updated')}</th>
                <th scope="col">{t('flows.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((flow) => {
                const using = numbersUsing(flow.id, numbers.data ?? []);
                return (
                  <tr key={flow.id} data-testid={`flow-row-${flow.id}`}>
                    <th scope="row">
                      <a className="text-link" href={`#/flows/${encodeURIComponent(flow.id)}`}>
                        {flow.name}
                      </a>
                    </th>
                    <td className="mono">{flow.id}</td>
                    <td>
                      {flow.publishedVersion === null ? (
                        <span className="badge off" title={t('flows.notPublishedHelp')}>
                          {t('flows.notPublished')}
                        </span>
                      ) : (
                        <span className="badge">
                          {t('flows.publishedVersion', { version: flow.publishedVersion })}
                        </span>
                      )}
                    </td>
                    <td className="nowrap">
                      {using.length === 0 ? (
                        <span className="muted">{t('flows.noNumbers')}</span>
                      ) : (
                        using.map((n) => <div key={n.number}>{formatPhone(n.number)}</div>)
                      )}
                    </td>
                    <td className="nowrap">
                      <time dateTime={flow.updatedAt}>{formatDateTime(flow.updatedAt, lang)}</time>
                    </td>
                    <td>
                      <div className="row-actions">
                        <a className="button small primary" href={`#/flows/${encodeURIComponent(flow.id)}`}>
                          {t('flows.open')}
                        </a>
                        {editable && (
                          <button
                            type="button"
                            className="button small"
                            onClick={() => setOpen({ kind: 'copy', flow })}
                          >
                            {t('flows.copy')}
                          </button>
                        )}
                        <button type="button" className="button small" onClick={() => void exportFlow(flow)}>
                          {t('flows.export')}
                        </button>
                        {editable && (
                          <button
                            type="button"
                            className="button small danger"
                            onClick={() => setOpen({ kind: 'delete', flow })}
                          >
                            {t('flows.delete')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === 'create' && <NewFlowDialog taken={taken} onClose={close} />}
      {open?.kind === 'copy' && (
        <CopyFlowDialog
          flow={open.flow}
          taken={taken}
          onClose={close}
          onDone={(name) => done(t('flows.done.copied', { name }))}
        />
      )}
      {open?.kind === 'import' && (
        <ImportFlowDialog
          fileName={open.fileName}
          result={open.result}
          taken={taken}
          onClose={close}
          onDone={(name) => done(t('flows.done.imported', { name }))}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={t('flows.deleteDialog.title')}
          confirmLabel={t('flows.deleteDialog.submit')}
          danger
          onClose={close}
          onConfirm={async () => {
            await api.deleteFlow(open.flow.id);
            done(t('flows.done.deleted', { name: open.flow.name }));
          }}
        >
          <p>{t('flows.deleteDialog.body', { name: open.flow.name })}</p>
          <DeleteFlowNumbers flowId={open.flow.id} numbers={numbers.data ?? []} />
        </ConfirmDialog>
      )}
    </div>
  );
}

function DeleteFlowNumbers(props: { flowId: string; numbers: readonly NumberRecord[] }) {
  const { t, i18n } = useTranslation('pages');
  const [open, close] = i18n.language === 'en' ? [' (', ')'] : ['(', ')'];
  const using = numbersUsing(props.flowId, props.numbers);
  if (using.length === 0) return null;
  return (
    <div className="notice warn">
      {t('flows.deleteDialog.numbers')}
      <ul>
        {using.map((n) => (
          <li key={n.number}>
            {formatPhone(n.number)}
            {n.label ? `${open}${n.label}${close}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
