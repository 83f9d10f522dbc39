/**
 * 「新しいフロー」: a name, an id that follows it, and where to start — a blank flow or one of
 * the example templates. The new flow is created on the server and opened on the canvas.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { ApiError, api } from '../api/client.ts';
import { navigate } from '../app.tsx';
import { blankFlow } from '../model/flow-edits.ts';
import { copyFlow } from '../model/pages-flow-files.ts';
import { Dialog } from './dialog.tsx';
import { IssueList } from './issue-list.tsx';
import { initialNameId, isNameIdValid, NameIdFields } from './name-id-fields.tsx';
import { useLoad } from './use-load.ts';

export function NewFlowDialog({ taken, onClose }: { taken: ReadonlySet<string>; onClose: () => void }) {
  const { t } = useTranslation('pages');
  const templates = useLoad(() => api.templates());
  const [value, setValue] = useState(() => initialNameId('', taken, 'flow'));
  const [start, setStart] = useState('blank');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; issues: Issue[] }>();

  const submit = async () => {
    setAttempted(true);
    if (!isNameIdValid(value, taken) || busy) return;
    const template = templates.data?.find((doc) => doc.id === start);
    const name = value.name.trim();
    const doc: FlowDocument = template ? copyFlow(template, value.id, name) : blankFlow(value.id, name);
    setBusy(true);
    try {
      await api.createFlow(doc);
      onClose();
      navigate(`#/flows/${encodeURIComponent(value.id)}`);
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
      title={t('flows.createDialog.title')}
      onClose={onClose}
      onSubmit={submit}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('working') : t('flows.createDialog.submit')}
          </button>
        </>
      }
    >
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
      <fieldset className="choice-list">
        <legend>{t('flows.createDialog.startFrom')}</legend>
        <StartChoice
          value="blank"
          checked={start === 'blank'}
          onPick={setStart}
          title={t('flows.createDialog.blank')}
          help={t('flows.createDialog.blankHelp')}
        />
        {templates.data?.map((doc) => (
          <StartChoice
            key={doc.id}
            value={doc.id}
            checked={start === doc.id}
            onPick={setStart}
            title={doc.name}
            help={doc.description ?? ''}
          />
        ))}
        {templates.error && <p className="field-error">{t('loadError', { message: templates.error })}</p>}
      </fieldset>
      {failure && (
        <div className="notice error" role="alert">
          {t('actionError', { message: failure.message })}
          {failure.issues.length > 0 && <IssueList issues={failure.issues} />}
        </div>
      )}
    </Dialog>
  );
}

function StartChoice(props: {
  value: string;
  checked: boolean;
  onPick: (value: string) => void;
  title: string;
  help: string;
}) {
  return (
    <label className="choice">
      <input
        type="radio"
        name="start-from"
        value={props.value}
        checked={props.checked}
        onChange={() => props.onPick(props.value)}
      />
      <span>
        {props.title}
        {props.help && <small>{props.help}</small>}
      </span>
    </label>
  );
}
