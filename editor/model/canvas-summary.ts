/**
 * What a step says about itself on the canvas, in a few words a receptionist can read at a
 * glance. Pure: returns message keys (under `summary.` in the canvas messages) with values, so
 * the component translates and this module is tested without React. Business hours are shown
 * for *today* with the engine's own `hoursOn`, so the canvas and a real call never disagree.
 */

import type { LocalParts } from '../../runtime/engine/local-time.ts';
import { hoursOn } from '../../runtime/engine/schedule.ts';
import type { Node } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { saveBaseOf } from '../../schema/kinds.ts';
import type { MinuteWindow } from '../../schema/time-window.ts';

export interface SummaryLine {
  key: string;
  values?: Record<string, string | number>;
}

export interface SummaryContext {
  schedules: Readonly<Record<string, ScheduleDocument>>;
  /** Today in the flow's time zone; undefined hides the "today" line. */
  today: LocalParts | undefined;
}

const excerptLength = 60;

/** The start of a text, on one line, cut with an ellipsis. */
export function excerpt(text: string, max = excerptLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 「11:30–14:00, 17:00–22:00」 */
export function formatWindows(windows: readonly MinuteWindow[]): string {
  return windows.map((w) => `${hhmm(w.from)}–${hhmm(w.to)}`).join(', ');
}

/** Today's hours of a schedule: the windows, or closed with the reason (holiday, special date). */
export function todayLine(schedule: ScheduleDocument, today: LocalParts): SummaryLine {
  const hours = hoursOn(schedule, today);
  const reason =
    hours.source === 'special' ? hours.note : hours.source === 'holiday' ? hours.holiday : undefined;
  if (hours.windows.length === 0)
    return reason ? { key: 'summary.closedToday', values: { reason } } : { key: 'summary.closedAllDay' };
  const windows = formatWindows(hours.windows);
  return reason
    ? { key: 'summary.todayWithReason', values: { windows, reason } }
    : { key: 'summary.today', values: { windows } };
}

const quote = (text: string | undefined): SummaryLine[] =>
  text?.trim() ? [{ key: 'summary.quote', values: { text: excerpt(text) } }] : [];

function hoursSummary(scheduleId: string, ctx: SummaryContext): SummaryLine[] {
  if (!scheduleId) return [{ key: 'summary.noSchedule' }];
  const schedule = Object.hasOwn(ctx.schedules, scheduleId) ? ctx.schedules[scheduleId] : undefined;
  if (!schedule) return [{ key: 'summary.unknownSchedule', values: { id: scheduleId } }];
  const name = { key: 'summary.plain', values: { text: schedule.name || schedule.id } };
  return ctx.today ? [name, todayLine(schedule, ctx.today)] : [name];
}

function transferSummary(node: Extract<Node, { kind: 'transfer' }>): SummaryLine[] {
  const destinations = node.params.destinations
    .filter((d) => d.number.trim())
    .map((d) => (d.label ? `${d.label} ${d.number}` : d.number));
  if (destinations.length === 0) return [{ key: 'summary.noDestination' }];
  const list = destinations.join('、');
  if (destinations.length === 1) return [{ key: 'summary.transferTo', values: { list } }];
  const key = node.params.ringing === 'simultaneous' ? 'summary.ringAll' : 'summary.ringInTurn';
  return [{ key, values: { list } }];
}

/** One or two lines describing the node (the component clamps them to two lines). */
export function nodeSummary(node: Node, ctx: SummaryContext): SummaryLine[] {
  switch (node.kind) {
    case 'say':
      if (node.params.audioUrl) return [{ key: 'summary.audio' }, ...quote(node.params.text)];
      return quote(node.params.text).length ? quote(node.params.text) : [{ key: 'summary.noText' }];
    case 'menu': {
      const options = node.params.options.map((o) => `${o.key}: ${o.label}`).join(' ');
      return [{ key: 'summary.plain', values: { text: excerpt(options, 80) } }];
    }
    case 'input': {
      const shape = node.params.shape ?? 'any';
      return [
        { key: `summary.input.${shape}` },
        { key: 'summary.savedAs', values: { name: `${saveBaseOf(node)}.digits` } },
      ];
    }
    case 'hours':
      return hoursSummary(node.params.schedule, ctx);
    case 'sms': {
      const text = excerpt(node.params.text);
      return node.params.to === 'caller'
        ? [{ key: 'summary.smsToCaller', values: { text } }]
        : [{ key: 'summary.smsTo', values: { to: node.params.to, text } }];
    }
    case 'record': {
      const key = node.params.transcribe ? 'summary.recordTranscribe' : 'summary.record';
      const info = node.params.maxSeconds
        ? { key: `${key}Max`, values: { seconds: node.params.maxSeconds } }
        : { key };
      return [info, ...quote(node.params.prompt)];
    }
    case 'transfer':
      return transferSummary(node);
    case 'notify':
      if (!node.params.channel) return [{ key: 'summary.noChannel' }, ...quote(node.params.message)];
      return [
        { key: 'summary.notifyTo', values: { channel: node.params.channel } },
        ...quote(node.params.message),
      ];
    case 'hangup':
      return node.params?.text?.trim() ? quote(node.params.text) : [{ key: 'summary.hangup' }];
  }
}
