/**
 * Adding or editing a channel in a dialog: the kind, a name (and, for a new channel, the id flows
 * will name it by, following the name until edited), and the kind's own settings. Secrets the
 * server already has are kept unless retyped. What the server refuses (422) is shown under the
 * field it is about, and the first such field takes the focus.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type ChannelInfo } from '../api/client.ts';
import {
  type ChannelForm,
  changeKind,
  channelSave,
  emptyChannelForm,
  formFromChannel,
  type PlacedIssues,
  placeIssues,
  type SettingsIssue,
} from '../model/pages-channels.ts';
import { type ChannelKind, channelKinds } from '../model/pages-channels-kinds.ts';
import { ChannelFields } from './channels-fields.tsx';
import { Dialog } from './dialog.tsx';
import { Field, FieldError } from './field.tsx';
import { initialNameId, isNameIdValid, type NameId, NameIdFields } from './name-id-fields.tsx';

const noIssues: PlacedIssues = { fields: {}, items: {}, general: [] };

export interface ChannelFormDialogProps {
  /** The channel being edited; undefined to add one. */
  channel: ChannelInfo | undefined;
  /** Ids already used (a new channel must not take one). */
  taken: ReadonlySet<string>;
  onSaved: (channel: ChannelInfo) => void;
  onClose: () => void;
}

export function ChannelFormDialog({ channel, taken, onSaved, onClose }: ChannelFormDialogProps) {
  const { t } = useTranslation('pages');
  const [form, setForm] = useState<ChannelForm>(() =>
    channel ? formFromChannel(channel) : emptyChannelForm(),
  );
  const [nameId, setNameId] = useState<NameId>(() => initialNameId('', taken, form.type));
  const [attempted, setAttempted] = useState(false);
  const [issues, setIssues] = useState<PlacedIssues>(noIssues);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  // After a refused save, take the person to the first field with a problem.
  useEffect(() => {
    if (issues !== noIssues) body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [issues]);

  const secretsSet = new Set(channel && channel.type === form.type ? channel.secretsSet : []);
  const setKind = (kind: ChannelKind) => {
    setForm((f) => changeKind(f, kind));
    setIssues(noIssues);
    // A new channel's suggested id follows its kind until a name gives it a better one.
    if (!channel && !nameId.idEdited && nameId.name.trim() === '') setNameId(initialNameId('', taken, kind));
  };

  const submit = async () => {
    setAttempted(true);
    setFailure(undefined);
    if (busy || (!channel && !isNameIdValid(nameId, taken))) return;
    const save = channelSave(channel ? form : { ...form, name: nameId.name });
    setBusy(true);
    try {
      onSaved(await api.saveChannel(channel?.id ?? nameId.id, save.input));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 422 && error.issues.length > 0) {
        setIssues(placeIssues(error.issues as unknown as SettingsIssue[], form, save.toInputs));
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    }
  };

  return (
    <Dialog
      title={channel ? t('channels.form.editTitle', { name: channel.name }) : t('channels.form.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('channels.form.saving') : t('channels.form.save')}
          </button>
        </>
      }
    >
      <div ref={body} className="channel-form">
        <Field
          label={t('channels.form.kind')}
          help={t('channels.form.kindHelp')}
          error={issues.fields.type?.join(' ')}
        >
          {(control) => (
            <select
              {...control}
              value={form.type}
              onChange={(e) => setKind(e.target.value as ChannelKind)}
              {...(channel ? {} : { 'data-autofocus': true })}
            >
              {channelKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`channels.kinds.${kind}.name`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {channel && channel.type !== form.type && (
          <p className="notice warn">{t('channels.form.kindChanged')}</p>
        )}
        {channel ? (
          <>
            <Field
              label={t('channels.form.name')}
              help={t('channels.form.nameHelp')}
              error={issues.fields.name?.join(' ')}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  data-autofocus
                  maxLength={100}
                  autoComplete="off"
                  value={form.name}
                  onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
                />
              )}
            </Field>
            <p className="field-help channel-id">{t('channels.form.idFixed', { id: channel.id })}</p>
          </>
        ) : (
          <NameIdFields
            value={nameId}
            onChange={setNameId}
            taken={taken}
            attempted={attempted}
            fallbackId={form.type}
            labels={{
              name: t('channels.form.name'),
              nameHelp: t('channels.form.nameHelp'),
              id: t('channels.form.id'),
              idHelp: t('channels.form.idHelp'),
            }}
          />
        )}
        {!channel && issues.fields.name && <FieldError>{issues.fields.name.join(' ')}</FieldError>}
        <ChannelFields
          kind={form.type}
          values={form.values}
          onChange={(name, value) => setForm((f) => ({ ...f, values: { ...f.values, [name]: value } }))}
          secretsSet={secretsSet}
          issues={issues}
        />
        {issues.general.length > 0 && (
          <div className="notice error" role="alert">
            {t('channels.form.problems')}
            <ul className="issue-list">
              {issues.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {failure && (
        <p className="notice error" role="alert">
          {t('actionError', { message: failure })}
        </p>
      )}
    </Dialog>
  );
}
