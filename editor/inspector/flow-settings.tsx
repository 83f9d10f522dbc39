/**
 * What the inspector shows when no step is selected: the flow's own settings (name, description,
 * voice language, time zone for business hours, the first step, and the notification settings:
 * after-call summary, saving unknown callers), drawn from the schema's top level. Issues of the
 * whole flow (e.g. a first step that does not exist) appear here.
 */
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { setFlowField } from '../model/inspector-edits.ts';
import { stepLabel } from '../model/inspector-issue-text.ts';
import { type FieldSpec, flowFields } from '../model/inspector-schema.ts';
import { useLang, useStableIssues } from '../problems/issue-message.ts';
import { useEditor } from '../state/editor-store.ts';
import { type ControlProps, FieldRow, IssueList, issuesAt, useFieldText } from './field-row.tsx';
import { FlowNotifySettings, flowNotifyPaths } from './flow-notify-settings.tsx';

const languages = ['ja-JP', 'en-US'];
const timezones = ['Asia/Tokyo'];

export function FlowSettings() {
  const { t } = useTranslation('inspector');
  const lang = useLang();
  // Only what this form shows: dragging steps on the canvas must not redraw it.
  const settings = useEditor(
    useShallow((s) => ({
      name: s.flow?.name ?? '',
      description: s.flow?.description ?? '',
      language: s.flow?.language ?? '',
      timezone: s.flow?.timezone ?? '',
      start: s.flow?.start ?? '',
      steps: s.flow?.nodes.map((n) => `${n.id}\u0000${n.kind}\u0000${n.label ?? ''}`).join('\u0001') ?? '',
    })),
  );
  const flowIssues = useStableIssues(null);
  const fields = useMemo(() => flowFields(), []);
  const steps = useMemo(
    () =>
      settings.steps
        .split('\u0001')
        .filter(Boolean)
        .map((entry) => {
          const [id, kind, label] = entry.split('\u0000') as [string, string, string];
          return { id, name: stepLabel({ id, kind, label: label || undefined } as never, id, lang) };
        }),
    [settings.steps, lang],
  );
  const shown = [...fields.map((f) => f.path), ...flowNotifyPaths];
  const general = flowIssues.filter((i) => !shown.some((p) => i.path === p || i.path.startsWith(`${p}/`)));

  const control = (spec: FieldSpec, props: ControlProps) => {
    const value = settings[spec.name as keyof typeof settings];
    const set = (v: string) =>
      useEditor.getState().apply((f) => setFlowField(f, spec.name, v), `flow:${spec.name}`);
    const withCurrent = (list: string[]) => (value && !list.includes(value) ? [value, ...list] : list);
    switch (spec.name) {
      case 'description':
        return (
          <textarea
            {...props}
            rows={3}
            value={value}
            maxLength={spec.maxLength}
            onChange={(e) => set(e.target.value)}
          />
        );
      case 'language':
        return (
          <select {...props} value={value} onChange={(e) => set(e.target.value)}>
            {withCurrent(languages).map((l) => (
              <option key={l} value={l}>
                {t(`values.language.${l}`, { defaultValue: l })} ({l})
              </option>
            ))}
          </select>
        );
      case 'timezone':
        return (
          <>
            <input
              {...props}
              list="insp-timezones"
              value={value}
              onChange={(e) => set(e.target.value.trim())}
            />
            <datalist id="insp-timezones">
              {timezones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        );
      case 'start':
        return (
          <select {...props} value={value} onChange={(e) => set(e.target.value)}>
            {!steps.some((s) => s.id === value) && <option value={value}>{value}</option>}
            {steps.map((step) => (
              <option key={step.id} value={step.id}>
                {step.name}
              </option>
            ))}
          </select>
        );
      default:
        return (
          <input {...props} value={value} maxLength={spec.maxLength} onChange={(e) => set(e.target.value)} />
        );
    }
  };

  return (
    <form className="insp-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="insp-flow-title">
      <header className="insp-header">
        <h2 id="insp-flow-title">{t('flowSettings')}</h2>
      </header>
      <p className="insp-help">{t('flowSettingsHint')}</p>
      {general.length > 0 && <IssueList issues={general} />}
      {fields.map((spec) => (
        <FlowField key={spec.name} spec={spec} issues={issuesAt(flowIssues, spec.path)}>
          {(props) => control(spec, props)}
        </FlowField>
      ))}
      <FlowNotifySettings issues={flowIssues} />
    </form>
  );
}

function FlowField(props: {
  spec: FieldSpec;
  issues: ReturnType<typeof issuesAt>;
  children: (control: ControlProps) => ReactNode;
}) {
  const { label, help } = useFieldText(props.spec);
  return (
    <FieldRow label={label} help={help} required={props.spec.required} issues={props.issues}>
      {props.children}
    </FieldRow>
  );
}
