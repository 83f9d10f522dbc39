/**
 * One labelled field of the inspector: label (the schema title in the UI language), the control,
 * help text and the validation issues that point at this field. The control receives the ids it
 * must carry so the label, help and issues are tied to it for screen readers.
 */
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import { issueKeys, pathInNode } from '../model/inspector-issue-text.ts';
import type { FieldSpec } from '../model/inspector-schema.ts';
import { useIssueMessage, useLang } from '../problems/issue-message.ts';
import { SeverityIcon } from '../problems/severity-icon.tsx';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** Issues at a pointer below the node, or anywhere under it. */
export function issuesAt(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((issue) => {
    const rel = pathInNode(issue) ?? issue.path;
    return rel === path || rel.startsWith(`${path}/`);
  });
}

/** Label and help of a schema field: the title in the UI language; Japanese help from the messages. */
export function useFieldText(spec: FieldSpec, kind?: string): { label: string; help: string } {
  const { t, i18n } = useTranslation('inspector');
  const lang = useLang();
  const keys = [kind ? `help.${kind}.${spec.name}` : '', `help.${spec.name}`].filter(Boolean);
  const key = lang === 'ja' ? keys.find((k) => i18n.exists(k, { ns: 'inspector' })) : undefined;
  const help = key ? t(key, { example: '{{caller.national}}' }) : spec.description;
  return { label: spec.title[lang], help };
}

export function IssueList(props: { issues: readonly Issue[]; id?: string }) {
  const message = useIssueMessage();
  const { t } = useTranslation('problems');
  if (props.issues.length === 0) return null;
  const keys = issueKeys(props.issues);
  return (
    <ul className="insp-issues" id={props.id}>
      {props.issues.map((issue, index) => (
        <li key={keys[index]} className={`insp-issue ${issue.severity}`}>
          <SeverityIcon severity={issue.severity} label={t(issue.severity)} />
          <span>{message(issue)}</span>
        </li>
      ))}
    </ul>
  );
}

export function FieldRow(props: {
  label: string;
  help?: string;
  required?: boolean;
  issues?: readonly Issue[];
  /** Extra text under the control (a live count, a local check), already translated. */
  extra?: ReactNode;
  /** Checkboxes put their label after the box. */
  inline?: boolean;
  /** Group rows (lists) are fieldsets with a legend instead of a label. */
  group?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const issues = props.issues ?? [];
  const described = [props.help ? `${id}-help` : '', issues.length ? `${id}-issues` : '']
    .filter(Boolean)
    .join(' ');
  const control: ControlProps = {
    id,
    ...(described ? { 'aria-describedby': described } : {}),
    ...(issues.some((i) => i.severity === 'error') ? { 'aria-invalid': true } : {}),
  };
  const required = props.required ? <span className="insp-required">{t('required')}</span> : null;
  const body = () => (
    <>
      {props.children(control)}
      {props.extra}
      {props.help && (
        <p className="insp-help" id={`${id}-help`}>
          {props.help}
        </p>
      )}
      <IssueList issues={issues} id={`${id}-issues`} />
    </>
  );
  if (props.group)
    return (
      <fieldset className="insp-field insp-group" aria-describedby={described || undefined}>
        <legend>
          {props.label}
          {required}
        </legend>
        {body()}
      </fieldset>
    );
  if (props.inline)
    return (
      <div className="insp-field insp-inline">
        <div className="insp-checkbox">
          {props.children(control)}
          <label htmlFor={id}>{props.label}</label>
        </div>
        {props.help && (
          <p className="insp-help" id={`${id}-help`}>
            {props.help}
          </p>
        )}
        <IssueList issues={issues} id={`${id}-issues`} />
      </div>
    );
  return (
    <div className="insp-field">
      <label htmlFor={id}>
        {props.label}
        {required}
      </label>
      {body()}
    </div>
  );
}
