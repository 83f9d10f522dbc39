/**
 * Business-hours windows as minutes since local midnight. End is exclusive; 24:00 is 1440.
 */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export interface MinuteWindow {
  from: number;
  to: number;
}

export function toMinuteWindow(span: { from: string; to: string }): MinuteWindow {
  return { from: minutesOf(span.from), to: minutesOf(span.to) };
}
