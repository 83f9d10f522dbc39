/**
 * A whole number within the schema's limits; empty means "left out", shown with the default the
 * runtime then uses as the placeholder. Shared by step params and the flow's own settings.
 */
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../model/inspector-schema.ts';
import type { ControlProps } from './field-row.tsx';

export function IntegerInput(props: {
  control: ControlProps;
  spec: FieldSpec;
  value: unknown;
  fallback: unknown;
  onChange: (value: number | undefined) => void;
}) {
  const { t } = useTranslation('inspector');
  const { spec, fallback } = props;
  return (
    <input
      {...props.control}
      type="number"
      inputMode="numeric"
      className="insp-number"
      step={1}
      min={spec.minimum}
      max={spec.maximum}
      placeholder={fallback !== undefined ? t('defaultValue', { value: fallback }) : ''}
      value={typeof props.value === 'number' ? props.value : ''}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
    />
  );
}
