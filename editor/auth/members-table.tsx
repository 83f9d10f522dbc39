/** What the members page's three lists share: the table frame and the "could not load" line. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ListTable({
  testId,
  caption,
  columns,
  children,
}: {
  testId: string;
  caption: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <div className="panel table-wrap">
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function LoadProblem({ error, onRetry }: { error: string | undefined; onRetry: () => void }) {
  const { t } = useTranslation('auth');
  if (!error) return null;
  return (
    <div className="notice error" role="alert">
      {t('members.loadError', { message: error })}{' '}
      <button type="button" className="button small" onClick={onRetry}>
        {t('members.retry')}
      </button>
    </div>
  );
}
