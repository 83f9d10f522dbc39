/**
 * Names a step borrows from outside the flow: the business-hours schedule (picked by its name,
 * with a link to edit its hours) and the notification channel (picked from the configured ones;
 * a plain text box while the channel list is unknown), by name, flagging one that keeps failing.
 */
import { useTranslation } from 'react-i18next';
import { useEditor } from '../state/editor-store.ts';
import type { ControlProps } from './field-row.tsx';

export function SchedulePicker(props: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('inspector');
  const schedules = useEditor((s) => s.schedules);
  const list = Object.values(schedules).sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  const known = props.value !== '' && Object.hasOwn(schedules, props.value);
  return (
    <div className="insp-picker">
      <select {...props.control} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="" disabled={props.value !== ''}>
          {t('schedule.choose')}
        </option>
        {props.value !== '' && !known && (
          <option value={props.value}>{t('schedule.missing', { id: props.value })}</option>
        )}
        {list.map((schedule) => (
          <option key={schedule.id} value={schedule.id}>
            {schedule.name} ({schedule.id})
          </option>
        ))}
      </select>
      {known ? (
        <a className="insp-link" href={`#/hours/${encodeURIComponent(props.value)}`}>
          {t('schedule.edit')}
        </a>
      ) : (
        list.length === 0 && (
          <a className="insp-link" href="#/hours">
            {t('schedule.none')}
          </a>
        )
      )}
    </div>
  );
}

export function ChannelPicker(props: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('inspector');
  const channels = useEditor((s) => s.channels);
  const choices = useEditor((s) => s.channelChoices);
  if (!channels)
    return (
      <input
        {...props.control}
        type="text"
        value={props.value}
        placeholder={t('channel.placeholder')}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  const known = channels.includes(props.value);
  const chosen = known ? choices[props.value] : undefined;
  // By name as people know them; the id only when a name is missing (an older server).
  const label = (id: string) => {
    const choice = choices[id];
    const name = choice?.name ?? id;
    if (choice?.state === 'failing') return t('channel.failingOption', { name });
    if (choice?.state === 'unconfigured') return t('channel.unconfiguredOption', { name });
    return name;
  };
  const list = [...channels].sort((a, b) => label(a).localeCompare(label(b), 'ja'));
  return (
    <div className="insp-picker">
      <select {...props.control} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="" disabled={props.value !== ''}>
          {t('channel.choose')}
        </option>
        {props.value !== '' && !known && (
          <option value={props.value}>{t('channel.missing', { id: props.value })}</option>
        )}
        {list.map((id) => (
          <option key={id} value={id}>
            {label(id)}
          </option>
        ))}
      </select>
      {chosen?.state === 'failing' && (
        <p className="insp-channel-warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('channel.failing')}
        </p>
      )}
      {chosen?.state === 'unconfigured' && (
        <p className="insp-channel-warning">{t('channel.unconfigured')}</p>
      )}
      <a className="insp-link" href="#/channels">
        {list.length === 0 ? t('channel.none') : t('channel.manage')}
      </a>
    </div>
  );
}
