/** The "which number called / which flow" selects the call log and the dashboard share. */
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../model/pages-number-form.ts';
import type { FilterOptions } from './use-filter-options.ts';

export function NumberFlowSelects(props: {
  options: FilterOptions;
  number: string;
  flow: string;
  onNumber: (number: string) => void;
  onFlow: (flow: string) => void;
}) {
  const { t } = useTranslation('history');
  return (
    <>
      <label>
        <span>{t('log.filters.number')}</span>
        <select value={props.number} onChange={(e) => props.onNumber(e.target.value)}>
          <option value="">{t('log.filters.all')}</option>
          {props.options.numbers.map((n) => (
            <option key={n.number} value={n.number}>
              {n.label ? `${n.label} ${formatPhone(n.number)}` : formatPhone(n.number)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('log.filters.flow')}</span>
        <select value={props.flow} onChange={(e) => props.onFlow(e.target.value)}>
          <option value="">{t('log.filters.all')}</option>
          {props.options.flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
