/**
 * The open windows of one weekday or special date: up to three from–to pairs of time inputs,
 * each with its validation problem right under it (e.g. an 18:00–09:00 window).
 */
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';
import {
  addWindow,
  maxWindows,
  removeWindow,
  updateWindow,
  type WindowsAt,
  windowsAt,
  windowsPointer,
} from '../model/pages-schedule-edit.ts';
import { issuesAt, issuesUnder } from '../model/pages-schedule-issues.ts';
import { ScheduleIssues } from './schedule-issues.tsx';
import { TimeInput } from './time-input.tsx';

export type Update = (edit: (schedule: ScheduleDocument) => ScheduleDocument) => void;

export interface WindowsEditorProps {
  schedule: ScheduleDocument;
  at: WindowsAt;
  /** How the day is called in labels: 「月曜」, 「特別な日 1」. */
  where: string;
  issues: readonly Issue[];
  update: Update;
}

export function WindowsEditor({ schedule, at, where, issues, update }: WindowsEditorProps) {
  const { t } = useTranslation('pages');
  const windows = windowsAt(schedule, at);
  const base = windowsPointer(at);
  return (
    <div className="windows">
      {windows.map((w, j) => {
        const n = String(j + 1);
        const own = issuesUnder(issues, `${base}/${j}`);
        const label = (field: 'from' | 'to') =>
          t('hours.windowLabel', { where, n, field: t(`hours.${field}`) });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
          <div className="window" key={j} data-testid={`window-${base}/${j}`}>
            <div className="window-row">
              <TimeInput
                aria-label={label('from')}
                invalid={own.length > 0}
                value={w.from}
                onChange={(v) => update((s) => updateWindow(s, at, j, 'from', v))}
              />
              <span aria-hidden="true">〜</span>
              <TimeInput
                aria-label={label('to')}
                invalid={own.length > 0}
                value={w.to}
                onChange={(v) => update((s) => updateWindow(s, at, j, 'to', v))}
              />
              <button
                type="button"
                className="button small"
                aria-label={t('hours.removeWindowOf', { where, n })}
                onClick={() => update((s) => removeWindow(s, at, j))}
              >
                {t('hours.removeWindow')}
              </button>
            </div>
            <ScheduleIssues issues={own} schedule={schedule} />
          </div>
        );
      })}
      <ScheduleIssues issues={issuesAt(issues, base)} schedule={schedule} />
      {windows.length < maxWindows && (
        <button
          type="button"
          className="button small add-window"
          aria-label={t('hours.addWindowTo', { where })}
          onClick={() => update((s) => addWindow(s, at))}
        >
          + {t('hours.addWindow')}
        </button>
      )}
    </div>
  );
}
