/**
 * The dashboard's charts on Chart.js (bundled, loaded with this file only when the dashboard is
 * opened): calls per day stacked by result, and missed calls by reason. Canvas charts are
 * invisible to screen readers, so each carries a summary label and a hidden table of its numbers.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type MissedReason, missedReasons, type Stats } from '../api/history-client.ts';
import { daysBetween } from '../model/history-format.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** The same colours as the call log's result badges (history.css). */
export const outcomeColours = {
  completed: '#1b7f3b',
  transferred: '#2f6fde',
  voicemail: '#7b4bc4',
  missed: '#c62828',
} as const;

function BarChart(props: { config: ChartConfiguration<'bar'>; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const config = useRef(props.config);
  config.current = props.config;
  // The configuration is plain data: a chart is drawn again only when that data changes.
  const key = JSON.stringify(props.config);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the configuration
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config.current);
    return () => chart.destroy();
  }, [key]);
  return (
    <div className="history-chart">
      <canvas ref={canvas} role="img" aria-label={props.label} data-testid={props.testId} />
    </div>
  );
}

const baseOptions = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
};

export function CallsPerDayChart({ stats, from, to }: { stats: Stats; from: string; to: string }) {
  const { t } = useTranslation('history');
  const byDay = stats.byDay;
  if (!byDay) return <p className="muted">{t('stats.perDayMissing')}</p>;
  const days = daysBetween(from, to);
  const counts = new Map(byDay.map((d) => [d.date, d]));
  const kinds = ['completed', 'transferred', 'voicemail', 'missed'] as const;
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: days.map((d) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`),
      datasets: kinds.map((kind) => ({
        label: t(`outcome.${kind}`),
        data: days.map((d) => counts.get(d)?.[kind] ?? 0),
        backgroundColor: outcomeColours[kind],
        stack: 'calls',
      })),
    },
    options: {
      ...baseOptions,
      scales: { x: { stacked: true }, y: { ...baseOptions.scales.y, stacked: true } },
    },
  };
  const summary = days
    .filter((d) => (counts.get(d)?.total ?? 0) > 0)
    .map((d) => `${d}: ${t('stats.calls', { count: counts.get(d)?.total ?? 0 })}`)
    .join('、');
  return (
    <BarChart
      config={config}
      label={`${t('stats.perDay')}: ${summary || t('stats.empty')}`}
      testId="chart-per-day"
    />
  );
}

export function MissedByReasonChart({ stats }: { stats: Stats }) {
  const { t } = useTranslation('history');
  const reasons = missedReasons.filter(
    (r: MissedReason) =>
      stats.missedByReason[r] > 0 || ['notInOperation', 'linesBusy', 'userLeft', 'noAnswer'].includes(r),
  );
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: reasons.map((r) => t(`reason.${r}`)),
      datasets: [
        {
          label: t('outcome.missed'),
          data: reasons.map((r) => stats.missedByReason[r]),
          backgroundColor: reasons.map((r) => (r === 'notInOperation' ? '#a15c00' : outcomeColours.missed)),
        },
      ],
    },
    options: {
      ...baseOptions,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: baseOptions.scales.y },
    },
  };
  const summary = reasons.map((r) => `${t(`reason.${r}`)} ${stats.missedByReason[r]}`).join('、');
  return (
    <BarChart config={config} label={`${t('stats.missedByReason')}: ${summary}`} testId="chart-missed" />
  );
}
