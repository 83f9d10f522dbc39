/** The dashboard's counts per number called and per flow, busiest first. */
import { useTranslation } from 'react-i18next';
import type { OutcomeCounts, Stats } from '../api/history-client.ts';
import { formatPhone } from '../model/pages-number-form.ts';

const columns = ['total', 'completed', 'transferred', 'voicemail', 'missed'] as const;

function CountsTable(props: {
  title: string;
  rows: Array<OutcomeCounts & { key: string; name: string }>;
  testId: string;
}) {
  const { t } = useTranslation('history');
  return (
    <section className="panel history-card" aria-label={props.title}>
      <h2>{props.title}</h2>
      <div className="table-wrap">
        <table className="data-table" data-testid={props.testId}>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.title}</th>
              {columns.map((c) => (
                <th key={c} scope="col" className="history-num">
                  {t(`stats.figures.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                {columns.map((c) => (
                  <td key={c} className="history-num">
                    {row[c]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function DashboardTables({ stats }: { stats: Stats }) {
  const { t } = useTranslation('history');
  if (stats.total === 0) return null;
  return (
    <div className="history-columns">
      <CountsTable
        title={t('stats.byNumber')}
        testId="stats-by-number"
        rows={stats.byNumber.map((n) => ({
          ...n,
          key: n.number,
          name: n.label ? `${n.label}(${formatPhone(n.number)})` : formatPhone(n.number),
        }))}
      />
      <CountsTable
        title={t('stats.byFlow')}
        testId="stats-by-flow"
        rows={stats.byFlow.map((f) => ({
          ...f,
          key: f.flowId ?? '',
          name: f.name ?? f.flowId ?? t('stats.noFlow'),
        }))}
      />
    </div>
  );
}
