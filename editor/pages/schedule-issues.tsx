/** validateSchedule's problems about one field, said in plain words right next to it. */
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';
import { scheduleIssueText } from '../model/pages-schedule-issues.ts';
import { FieldError } from './field.tsx';

export function ScheduleIssues({
  issues,
  schedule,
}: {
  issues: readonly Issue[];
  schedule: ScheduleDocument;
}) {
  const { t } = useTranslation('pages');
  if (issues.length === 0) return null;
  return (
    <>
      {issues.map((issue) => {
        const text = scheduleIssueText(issue, schedule);
        return (
          <FieldError key={`${issue.code}${issue.path}`}>
            <span data-pointer={issue.path}>{t(`hours.issues.${text.key}`, text.values)}</span>
          </FieldError>
        );
      })}
    </>
  );
}
