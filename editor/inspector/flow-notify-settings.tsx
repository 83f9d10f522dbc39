/**
 * The notification part of the flow's settings: the after-call summary (a switch; when on, the
 * channel picked by name, how long to wait for a voicemail transcript, and an optional template)
 * and saving callers the contact book does not know. Labels are the schema's titles, the help
 * Japanese first; the switch and the group text are the inspector's own messages.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import { setSaveUnknownCallers, setSummaryEnabled, setSummaryField } from '../model/inspector-flow-notify.ts';
import { type FieldSpec, flowNotifyFields } from '../model/inspector-schema.ts';
import { useLang } from '../problems/issue-message.ts';
import { useEditor } from '../state/editor-store.ts';
import { FieldRow, IssueList, issuesAt, useFieldText } from './field-row.tsx';
import { IntegerInput } from './integer-input.tsx';
import { ChannelPicker } from './reference-pickers.tsx';
import { TemplateInput } from './template-input.tsx';

/** The flow paths this part shows issues for (the rest of the settings leave them to it). */
export const flowNotifyPaths = ['/afterCallSummary', '/saveUnknownCallers'];

const apply = (edit: Parameters<ReturnType<typeof useEditor.getState>['apply']>[0], key: string) =>
  useEditor.getState().apply(edit, key);

export function FlowNotifySettings({ issues }: { issues: readonly Issue[] }) {
  const { t } = useTranslation('inspector');
  const lang = useLang();
  const fields = useMemo(() => flowNotifyFields(), []);
  const summary = useEditor((s) => s.flow?.afterCallSummary);
  const saveUnknown = useEditor((s) => s.flow?.saveUnknownCallers ?? false);
  const choices = useEditor((s) => s.channelChoices);
  const summaryIssues = issuesAt(issues, fields.summary.path);
  const ownIssues = summaryIssues.filter((i) => i.path === fields.summary.path);
  const turnOn = (on: boolean) => {
    // With only one channel there is nothing to choose: take it.
    const ids = Object.keys(choices);
    apply((f) => setSummaryEnabled(f, on, ids.length === 1 ? ids[0] : ''), 'flow:afterCallSummary');
  };

  return (
    <>
      <fieldset className="insp-field insp-group">
        <legend>{fields.summary.title[lang]}</legend>
        <FieldRow label={t('summary.enable')} help={t('summary.enableHelp')} inline>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={summary !== undefined}
              onChange={(e) => turnOn(e.target.checked)}
            />
          )}
        </FieldRow>
        <IssueList issues={ownIssues} />
        {summary &&
          fields.summaryFields.map((spec) => (
            <SummaryField
              key={spec.name}
              spec={spec}
              value={summary[spec.name as keyof typeof summary]}
              issues={issuesAt(summaryIssues, spec.path)}
            />
          ))}
      </fieldset>
      <SaveUnknownField
        spec={fields.saveUnknownCallers}
        on={saveUnknown}
        issues={issuesAt(issues, fields.saveUnknownCallers.path)}
      />
    </>
  );
}

function SummaryField({ spec, value, issues }: { spec: FieldSpec; value: unknown; issues: Issue[] }) {
  const { label, help } = useFieldText(spec, 'afterCallSummary');
  const name = spec.name as 'channel' | 'waitSeconds' | 'template';
  const set = (v: string | number | undefined) =>
    apply((f) => setSummaryField(f, name, v), `flow:afterCallSummary:${name}`);
  const text = typeof value === 'string' ? value : '';
  return (
    <FieldRow label={label} help={help} required={spec.required} issues={issues}>
      {(control) =>
        spec.widget === 'channel' ? (
          <ChannelPicker control={control} value={text} onChange={set} />
        ) : spec.widget === 'integer' ? (
          <IntegerInput
            control={control}
            spec={spec}
            value={value}
            fallback={spec.defaultValue}
            onChange={set}
          />
        ) : (
          <TemplateInput control={control} value={text} onChange={set} maxLength={spec.maxLength} rows={4} />
        )
      }
    </FieldRow>
  );
}

function SaveUnknownField({ spec, on, issues }: { spec: FieldSpec; on: boolean; issues: Issue[] }) {
  const { label, help } = useFieldText(spec);
  return (
    <FieldRow label={label} help={help} issues={issues} inline>
      {(control) => (
        <input
          {...control}
          type="checkbox"
          checked={on}
          onChange={(e) =>
            apply((f) => setSaveUnknownCallers(f, e.target.checked), 'flow:saveUnknownCallers')
          }
        />
      )}
    </FieldRow>
  );
}
