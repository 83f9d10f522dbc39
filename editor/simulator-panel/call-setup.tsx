/**
 * When and who calls: a Tokyo date and time with quick choices, what that day is (a public
 * holiday changes most flows) and whether each business-hours schedule of the flow is open
 * then; the caller number with presets for the three kinds of caller a flow treats differently.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { openStatus } from '../../runtime/engine/schedule.ts';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { parsePhone } from '../../schema/phone.ts';
import {
  anonymousCaller,
  type CallerPreset,
  callerKind,
  callerPresets,
  dayInfo,
  localValueToIso,
  type QuickTime,
  quickTimes,
  quickTimeValue,
  tokyoLocalValue,
} from '../model/sim-setup.ts';
import { CallerContact } from './caller-contact.tsx';
import type { CallSetup as RunSetup } from './use-simulation.ts';

export interface CallSetupValue {
  /** datetime-local value in Tokyo time. */
  local: string;
  from: string;
}

interface Props {
  value: CallSetupValue;
  onChange(value: CallSetupValue): void;
  flow: FlowDocument | null;
  schedules: Readonly<Record<string, ScheduleDocument>>;
}

function scheduleIdsOf(flow: FlowDocument | null): string[] {
  const ids = (flow?.nodes ?? []).flatMap((n) => (n.kind === 'hours' ? [n.params.schedule] : []));
  return [...new Set(ids)];
}

export function CallSetup({ value, onChange, flow, schedules }: Props) {
  const { t } = useTranslation('simulator');
  const id = useId();
  const day = dayInfo(value.local);
  const iso = localValueToIso(value.local);
  const kind = callerKind(value.from);
  const anonymous = value.from === anonymousCaller;
  const statuses = iso
    ? scheduleIdsOf(flow).flatMap((scheduleId) => {
        const schedule = schedules[scheduleId];
        const status = schedule && openStatus(schedule, iso, flow?.timezone ?? 'Asia/Tokyo');
        if (!schedule || !status) return [];
        const name = { schedule: schedule.name ?? schedule.id };
        let text = t('setup.open', name);
        if (!status.open && status.source === 'holiday') text = t('setup.closedHoliday', name);
        else if (!status.open && status.note) text = t('setup.closedSpecial', { ...name, note: status.note });
        else if (!status.open) text = t('setup.closed', name);
        return [{ scheduleId, open: status.open, text }];
      })
    : [];
  const choose = (quick: QuickTime) => onChange({ ...value, local: quickTimeValue(quick, new Date()) });
  const preset = (p: CallerPreset) => onChange({ ...value, from: callerPresets[p] });

  return (
    <div className="sim-setup">
      <label htmlFor={`${id}-when`}>{t('setup.when')}</label>
      <input
        id={`${id}-when`}
        type="datetime-local"
        value={value.local}
        onChange={(e) => onChange({ ...value, local: e.target.value })}
        aria-invalid={iso ? undefined : true}
        aria-describedby={`${id}-day`}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset inside a fieldset reads worse than a labelled group */}
      <div className="sim-chips" role="group" aria-label={t('setup.quickLabel')}>
        {quickTimes.map((quick) => (
          <button key={quick} type="button" className="sim-chip" onClick={() => choose(quick)}>
            {t(`setup.quick.${quick}`)}
          </button>
        ))}
      </div>
      <div id={`${id}-day`} className="sim-day" aria-live="polite">
        {day ? (
          <>
            <span>
              {t('setup.day', {
                month: Number(day.date.slice(5, 7)),
                day: Number(day.date.slice(8, 10)),
                weekday: t(`weekdays.${day.weekday}`),
              })}
            </span>
            {day.holiday && <span className="sim-holiday">{t('setup.holiday', { name: day.holiday })}</span>}
            {statuses.map((s) => (
              <span key={s.scheduleId} className={s.open ? 'sim-open' : 'sim-closed'}>
                {s.text}
              </span>
            ))}
          </>
        ) : (
          <span className="sim-error">{t('setup.badDate')}</span>
        )}
      </div>

      <label htmlFor={`${id}-from`}>{t('setup.caller')}</label>
      <input
        id={`${id}-from`}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        value={anonymous ? t('setup.anonymousValue') : value.from}
        readOnly={anonymous}
        onChange={(e) => onChange({ ...value, from: e.target.value })}
        aria-describedby={`${id}-kind`}
        aria-invalid={kind === 'invalid' ? true : undefined}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: see above */}
      <div className="sim-chips" role="group" aria-label={t('setup.callerPresets')}>
        {(Object.keys(callerPresets) as CallerPreset[]).map((p) => (
          <button
            key={p}
            type="button"
            className="sim-chip"
            aria-pressed={value.from === callerPresets[p]}
            onClick={() => preset(p)}
          >
            {t(`setup.preset.${p}`)}
          </button>
        ))}
      </div>
      <p id={`${id}-kind`} className={kind === 'invalid' ? 'sim-error sim-kind' : 'sim-kind'}>
        {t(`setup.kind.${kind}`)}
      </p>
      <CallerContact from={value.from} />
    </div>
  );
}

/** While a call is shown: the time and caller it used, in one line, with a way to change them. */
export function CallSetupSummary({ setup, onEdit }: { setup: RunSetup; onEdit(): void }) {
  const { t } = useTranslation('simulator');
  const local = tokyoLocalValue(new Date(setup.at));
  const day = dayInfo(local);
  const when = day
    ? `${t('setup.day', {
        month: Number(day.date.slice(5, 7)),
        day: Number(day.date.slice(8, 10)),
        weekday: t(`weekdays.${day.weekday}`),
      })} ${local.slice(11)}`
    : setup.at;
  const caller =
    setup.from === anonymousCaller
      ? t('setup.anonymousValue')
      : (parsePhone(setup.from)?.national ?? setup.from);
  return (
    <div className="sim-setup-summary">
      <p>
        <span>{when}</span>
        {day?.holiday && <span className="sim-holiday">{day.holiday}</span>}
        <span>{t('setup.from', { caller })}</span>
      </p>
      <button type="button" className="button" onClick={onEdit}>
        {t('setup.change')}
      </button>
    </div>
  );
}
