/**
 * 集計 (#/stats): for a period (今日, 7日, 30日 or chosen days) and optionally one number or flow —
 * how many calls came in and how they ended, missed calls by reason, completion rate, average
 * length and time to answer a transfer, charts (a lazy chunk with the chart library), the
 * weekday × hour heatmap and the same counts per number and per flow.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyApi, missedReasons, type Stats } from '../api/history-client.ts';
import { durationText, percentText, presetRange, type RangePreset } from '../model/history-format.ts';
import { useLoad } from '../pages/use-load.ts';
import { DashboardHeatmap } from './dashboard-heatmap.tsx';
import { DashboardTables } from './dashboard-tables.tsx';
import { NumberFlowSelects } from './number-flow-selects.tsx';
import { useFilterOptions } from './use-filter-options.ts';
import { useReloadOn } from './use-reload-on.ts';
import '../pages/pages.css';
import './history.css';

// Chart.js comes with this chunk only: the figures are on screen before it has loaded.
const CallsPerDayChart = lazy(() =>
  import('./dashboard-charts.tsx').then((m) => ({ default: m.CallsPerDayChart })),
);
const MissedByReasonChart = lazy(() =>
  import('./dashboard-charts.tsx').then((m) => ({ default: m.MissedByReasonChart })),
);

const presets: RangePreset[] = ['today', '7d', '30d', 'custom'];

export function DashboardPage() {
  const { t } = useTranslation('history');
  const { t: tp } = useTranslation('pages');
  const options = useFilterOptions();
  const [preset, setPreset] = useState<RangePreset>('7d');
  const [custom, setCustom] = useState(() => presetRange('30d', new Date()));
  const [number, setNumber] = useState('');
  const [flow, setFlow] = useState('');
  const range = preset === 'custom' ? custom : presetRange(preset, new Date());
  const filters = { from: range.from, to: range.to, number, flow };
  const key = JSON.stringify(filters);
  const stats = useLoad(() => historyApi.stats(filters));
  useReloadOn(key, stats.reload);

  return (
    <div className="page history-page dashboard-page">
      <div className="page-head">
        <div>
          <h1>{t('stats.title')}</h1>
          <p className="page-intro">{t('stats.intro')}</p>
        </div>
      </div>

      <search className="history-filters" aria-label={t('stats.range')}>
        <fieldset className="history-presets">
          <legend>{t('stats.range')}</legend>
          {presets.map((p) => (
            <label key={p} className={preset === p ? 'preset active' : 'preset'}>
              <input
                type="radio"
                name="range"
                value={p}
                checked={preset === p}
                onChange={() => setPreset(p)}
              />
              {t(`stats.presets.${p}`)}
            </label>
          ))}
        </fieldset>
        {preset === 'custom' && (
          <>
            <label>
              <span>{t('stats.from')}</span>
              <input
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(e) => e.target.value && setCustom({ ...custom, from: e.target.value })}
              />
            </label>
            <label>
              <span>{t('stats.to')}</span>
              <input
                type="date"
                value={custom.to}
                min={custom.from}
                onChange={(e) => e.target.value && setCustom({ ...custom, to: e.target.value })}
              />
            </label>
          </>
        )}
        <NumberFlowSelects
          options={options}
          number={number}
          flow={flow}
          onNumber={setNumber}
          onFlow={setFlow}
        />
      </search>

      {stats.error && (
        <div className="notice error" role="alert">
          {tp('loadError', { message: stats.error })}{' '}
          <button type="button" className="button small" onClick={stats.reload}>
            {tp('retry')}
          </button>
        </div>
      )}
      {stats.data && <DashboardBody stats={stats.data} from={range.from} to={range.to} />}
    </div>
  );
}

function DashboardBody({ stats, from, to }: { stats: Stats; from: string; to: string }) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const figures: Array<{ id: string; label: string; value: string }> = [
    { id: 'total', label: t('stats.figures.total'), value: String(stats.total) },
    { id: 'completed', label: t('stats.figures.completed'), value: String(stats.completed) },
    { id: 'transferred', label: t('stats.figures.transferred'), value: String(stats.transferred) },
    { id: 'voicemail', label: t('stats.figures.voicemail'), value: String(stats.voicemail) },
    { id: 'missed', label: t('stats.figures.missed'), value: String(stats.missed) },
    {
      id: 'completionRate',
      label: t('stats.figures.completionRate'),
      value: percentText(stats.completionRate),
    },
    {
      id: 'averageDuration',
      label: t('stats.figures.averageDuration'),
      value: durationText(stats.averageDurationSeconds, lang),
    },
    {
      id: 'averageAnswer',
      label: t('stats.figures.averageAnswer'),
      value: durationText(stats.averageAnswerSeconds, lang),
    },
  ];
  const reasons = missedReasons.filter((r) => stats.missedByReason[r] > 0);
  return (
    <div aria-live="polite">
      <dl className="history-figures" data-testid="stats-figures">
        {figures.map((f) => (
          <div key={f.id} className={`panel figure figure-${f.id}`} data-figure={f.id}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {reasons.length > 0 && (
        <ul className="history-reasons" aria-label={t('stats.missedByReason')} data-testid="missed-reasons">
          {reasons.map((r) => (
            <li key={r} data-reason={r}>
              {t(`reason.${r}`)} <strong>{stats.missedByReason[r]}</strong>
            </li>
          ))}
        </ul>
      )}
      {stats.total === 0 && <p className="panel history-none">{t('stats.empty')}</p>}

      <div className="history-columns">
        <section className="panel history-card" aria-labelledby="stats-per-day">
          <h2 id="stats-per-day">{t('stats.perDay')}</h2>
          <Suspense fallback={<p className="loading">{t('stats.chartLoading')}</p>}>
            <CallsPerDayChart stats={stats} from={from} to={to} />
          </Suspense>
        </section>
        <section className="panel history-card" aria-labelledby="stats-missed">
          <h2 id="stats-missed">{t('stats.missedByReason')}</h2>
          <Suspense fallback={<p className="loading">{t('stats.chartLoading')}</p>}>
            <MissedByReasonChart stats={stats} />
          </Suspense>
        </section>
      </div>

      <section className="panel history-card" aria-labelledby="stats-heatmap">
        <h2 id="stats-heatmap">{t('stats.heatmap')}</h2>
        <DashboardHeatmap heatmap={stats.heatmap} />
      </section>

      <DashboardTables stats={stats} />
    </div>
  );
}
