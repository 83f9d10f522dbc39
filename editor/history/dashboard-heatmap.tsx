/**
 * Calls by weekday × hour (Japanese time) as a table whose cells are shaded by how busy the hour
 * was: readable cell by cell with a screen reader and the keyboard, no chart library needed.
 */
import { useTranslation } from 'react-i18next';
import { heatLevel, heatmapMax, weekRows } from '../model/history-format.ts';

const hours = Array.from({ length: 24 }, (_, h) => h);

export function DashboardHeatmap({ heatmap }: { heatmap: number[][] }) {
  const { t } = useTranslation('history');
  const busiest = heatmapMax(heatmap);
  return (
    <div className="table-wrap">
      <table className="history-heatmap" data-testid="heatmap">
        <caption className="sr-only">{t('stats.heatmap')}</caption>
        <thead>
          <tr>
            <td />
            {hours.map((hour) => (
              <th key={hour} scope="col" aria-label={t('stats.hour', { hour })}>
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weekRows(heatmap).map((row) => {
            const weekday = t(`weekdays.${row.weekday}`);
            return (
              <tr key={row.weekday}>
                <th scope="row">{weekday}</th>
                {row.hours.map((count, hour) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the cell's identity
                    key={hour}
                    className={`heat heat-${heatLevel(count, busiest)}`}
                    title={t('stats.heatmapCell', { weekday, hour, count })}
                  >
                    {count > 0 ? count : <span className="sr-only">0</span>}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
