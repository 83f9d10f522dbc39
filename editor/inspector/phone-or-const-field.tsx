/**
 * A choice between a fixed meaning and a phone number: the SMS goes to 「かけてきた方の携帯電話」
 * or to one fixed mobile; the caller ID shown to staff is the called number or a fixed one.
 * Picking 「決まった番号」 only reveals the number box: nothing is written until a number is typed,
 * so the flow never holds an empty number the schema would reject.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import type { FieldSpec } from '../model/inspector-schema.ts';
import { FieldRow } from './field-row.tsx';
import { PhoneInput } from './phone-field.tsx';

export function PhoneOrConstField(props: {
  spec: FieldSpec;
  label: string;
  help: string;
  value: string | undefined;
  /** The const is the default when the field is optional (callerId): choosing it removes the field. */
  onChange: (value: string | undefined) => void;
  issues: readonly Issue[];
  mobileOnly: boolean;
}) {
  const { t } = useTranslation('inspector');
  const constant = props.spec.constValue ?? '';
  const stored = props.value ?? (props.spec.required ? '' : constant);
  const [fixed, setFixed] = useState(stored !== constant);
  const showFixed = fixed || stored !== constant;
  const number = stored === constant ? '' : stored;
  const name = `${props.spec.name}-${constant}`;
  const fixedLabel = t(props.mobileOnly ? 'alternatives.fixedMobile' : 'alternatives.fixed');

  return (
    <FieldRow
      group
      label={props.label}
      help={props.help}
      required={props.spec.required}
      issues={props.issues}
    >
      {(control) => (
        <div className="insp-choice" role="radiogroup" aria-label={props.label}>
          <label className="insp-radio">
            <input
              type="radio"
              name={name}
              checked={!showFixed}
              onChange={() => {
                setFixed(false);
                props.onChange(props.spec.required ? constant : undefined);
              }}
            />
            {t(`alternatives.${constant}`)}
          </label>
          <label className="insp-radio">
            <input type="radio" name={name} checked={showFixed} onChange={() => setFixed(true)} />
            {fixedLabel}
          </label>
          {showFixed && (
            <PhoneInput
              control={control}
              label={fixedLabel}
              value={number}
              mobileOnly={props.mobileOnly}
              reported={props.issues.length > 0}
              onChange={(value) =>
                props.onChange(value === '' ? (props.spec.required ? '' : undefined) : value)
              }
            />
          )}
        </div>
      )}
    </FieldRow>
  );
}
