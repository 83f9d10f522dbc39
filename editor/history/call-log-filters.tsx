/**
 * The call log's filters: date range, number called, flow, result (with the reasons of missed
 * calls) and the search box over transcripts, digits and names (Japanese words too).
 */
import { useTranslation } from 'react-i18next';
import { type LogFilters, noFilters, resultChoices } from '../model/history-filters.ts';
import { NumberFlowSelects } from './number-flow-selects.tsx';
import { useOutcomeText } from './outcome-badge.tsx';
import type { FilterOptions } from './use-filter-options.ts';

export function CallLogFilters(props: {
  filters: LogFilters;
  options: FilterOptions;
  onChange: (filters: LogFilters) => void;
}) {
  const { t } = useTranslation('history');
  const outcomeText = useOutcomeText();
  const { filters, options } = props;
  const set = (field: keyof LogFilters) => (event: { target: { value: string } }) =>
    props.onChange({ ...filters, [field]: event.target.value });
  const changed = JSON.stringify(filters) !== JSON.stringify(noFilters);
  return (
    <search className="history-filters" aria-label={t('log.filters.label')}>
      <label className="history-search">
        <span>{t('log.filters.search')}</span>
        <input
          type="search"
          value={filters.q}
          placeholder={t('log.filters.searchPlaceholder')}
          onChange={set('q')}
          data-testid="history-search"
        />
      </label>
      <label>
        <span>{t('log.filters.from')}</span>
        <input type="date" value={filters.from} max={filters.to || undefined} onChange={set('from')} />
      </label>
      <label>
        <span>{t('log.filters.to')}</span>
        <input type="date" value={filters.to} min={filters.from || undefined} onChange={set('to')} />
      </label>
      <NumberFlowSelects
        options={options}
        number={filters.number}
        flow={filters.flow}
        onNumber={(number) => props.onChange({ ...filters, number })}
        onFlow={(flow) => props.onChange({ ...filters, flow })}
      />
      <label>
        <span>{t('log.filters.result')}</span>
        <select value={filters.result} onChange={set('result')} data-testid="history-result-filter">
          <option value="">{t('log.filters.all')}</option>
          {resultChoices().map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.value === 'missed'
                ? t('log.filters.allMissed')
                : outcomeText(choice.outcome, choice.reason ?? null)}
            </option>
          ))}
        </select>
      </label>
      {changed && (
        <button type="button" className="button small" onClick={() => props.onChange(noFilters)}>
          {t('log.filters.clear')}
        </button>
      )}
    </search>
  );
}
