/**
 * One param of a step, drawn from its schema field spec: the widget decides the control
 * (text, number with its limits, checkbox, select, or one of the special editors). Every change
 * goes through the store's `apply` with a `params:<node>:<field>` coalesce key, so typing in one
 * field is one undo step. Empty optional fields are removed, which means "the engine's default".
 */
import { useTranslation } from 'react-i18next';
import type { MenuNode, Node, TransferNode } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { setParam } from '../model/inspector-edits.ts';
import type { FieldSpec } from '../model/inspector-schema.ts';
import { useEditor } from '../state/editor-store.ts';
import { DestinationsEditor } from './destinations-editor.tsx';
import { defaultOf } from './field-defaults.ts';
import { FieldRow, issuesAt, useFieldText } from './field-row.tsx';
import { IntegerInput } from './integer-input.tsx';
import { MenuOptionsEditor } from './menu-options-editor.tsx';
import { PhoneInput } from './phone-field.tsx';
import { PhoneOrConstField } from './phone-or-const-field.tsx';
import { ChannelPicker, SchedulePicker } from './reference-pickers.tsx';
import { SmsCount, TemplateInput } from './template-input.tsx';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

export function ParamField(props: { node: Node; spec: FieldSpec; issues: readonly Issue[] }) {
  const { t } = useTranslation('inspector');
  const { node, spec } = props;
  const { label, help } = useFieldText(spec, node.kind);
  const raw = (node.params as Record<string, unknown> | undefined)?.[spec.name];
  const fallback = defaultOf(node, spec.name);
  const issues = issuesAt(props.issues, spec.path);
  const set = (value: unknown) =>
    useEditor
      .getState()
      .apply((f) => setParam(f, node.id, spec.name, value), `params:${node.id}:${spec.name}`);
  /** Empty text: an optional field goes away (engine default), a required one stays empty (and is reported). */
  const setText = (value: string) => set(value === '' && !spec.required ? undefined : value);
  const text = typeof raw === 'string' ? raw : '';
  const row = { label, help, required: spec.required, issues };

  switch (spec.widget) {
    case 'menu-options':
      return <MenuOptionsEditor node={node as MenuNode} label={label} help={help} issues={issues} />;
    case 'destinations':
      return <DestinationsEditor node={node as TransferNode} label={label} help={help} issues={issues} />;
    case 'phone-or-const':
      return (
        <PhoneOrConstField
          spec={spec}
          label={label}
          help={help}
          value={typeof raw === 'string' ? raw : undefined}
          onChange={set}
          issues={issues}
          mobileOnly={node.kind === 'sms'}
        />
      );
    case 'boolean':
      return (
        <FieldRow {...row} inline>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={typeof raw === 'boolean' ? raw : fallback === true}
              onChange={(e) => set(e.target.checked)}
            />
          )}
        </FieldRow>
      );
    case 'integer':
      return (
        <FieldRow {...row}>
          {(control) => (
            <IntegerInput control={control} spec={spec} value={raw} fallback={fallback} onChange={set} />
          )}
        </FieldRow>
      );
    case 'enum':
    case 'key': {
      const values = spec.widget === 'key' ? keys : (spec.values ?? []);
      const name = (v: string) => t(`values.${spec.name}.${v}`, { defaultValue: v });
      return (
        <FieldRow {...row}>
          {(control) => (
            <select {...control} value={text} onChange={(e) => setText(e.target.value)}>
              {!spec.required && (
                <option value="">
                  {fallback !== undefined
                    ? t('defaultValue', { value: name(String(fallback)) })
                    : t('notSet')}
                </option>
              )}
              {values.map((v) => (
                <option key={v} value={v}>
                  {name(v)}
                </option>
              ))}
            </select>
          )}
        </FieldRow>
      );
    }
    case 'phone':
      return (
        <FieldRow {...row}>
          {(control) => (
            <PhoneInput control={control} value={text} onChange={setText} reported={issues.length > 0} />
          )}
        </FieldRow>
      );
    case 'schedule':
      return (
        <FieldRow {...row}>
          {(control) => <SchedulePicker control={control} value={text} onChange={set} />}
        </FieldRow>
      );
    case 'channel':
      return (
        <FieldRow {...row}>
          {(control) => <ChannelPicker control={control} value={text} onChange={set} />}
        </FieldRow>
      );
    case 'template':
    case 'sms-text':
      return (
        <FieldRow {...row} extra={spec.widget === 'sms-text' ? <SmsCount text={text} /> : undefined}>
          {(control) => (
            <TemplateInput
              control={control}
              value={text}
              onChange={setText}
              maxLength={spec.maxLength}
              placeholder={typeof fallback === 'string' ? fallback : undefined}
              listen={spec.widget === 'template' && node.kind !== 'notify'}
              rows={spec.widget === 'sms-text' ? 4 : 3}
            />
          )}
        </FieldRow>
      );
    default:
      return (
        <FieldRow {...row}>
          {(control) => (
            <input
              {...control}
              type={spec.name === 'audioUrl' ? 'url' : 'text'}
              value={text}
              maxLength={spec.maxLength}
              placeholder={
                spec.name === 'saveAs' ? node.id : spec.name === 'audioUrl' ? 'https://' : undefined
              }
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </FieldRow>
      );
  }
}
