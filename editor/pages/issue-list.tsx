/**
 * Validation problems of a whole flow (import, or the server refusing a create) in plain words:
 * where (the step or the whole flow) and what. In English the validator's own message is
 * already plain; in Japanese it is said by code with the field the pointer names.
 */
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import { issuePlace } from '../model/pages-flow-files.ts';

const shown = 12;

export function IssueList({ issues }: { issues: readonly Issue[] }) {
  const { t, i18n } = useTranslation('pages');
  const ja = i18n.language !== 'en';
  return (
    <ul className="issue-list">
      {issues.slice(0, shown).map((issue) => {
        const place = issuePlace(issue);
        const where = place.step
          ? t('flows.importDialog.step', { step: place.step })
          : t('flows.importDialog.whole');
        const what = ja ? t(`flows.issueCodes.${issue.code}`, { field: place.field }) : issue.message;
        return (
          <li key={`${issue.code}${issue.path}`}>
            <strong>{where}</strong>
            {ja ? '：' : ': '}
            {what}
          </li>
        );
      })}
      {issues.length > shown && <li>{t('flows.importDialog.more', { count: issues.length - shown })}</li>}
    </ul>
  );
}
