import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  parseInstant,
  speakingSeconds,
  turnAudioSeconds,
  VirtualClock,
} from './virtual-clock.ts';

describe('virtual clock', () => {
  it('keeps the offset of the start and shows milliseconds only when there are some', () => {
    const clock = new VirtualClock('2026-11-24T23:59:59+09:00');
    expect(clock.now()).toBe('2026-11-24T23:59:59+09:00');
    expect(clock.advance(1.25)).toBe('2026-11-25T00:00:00.250+09:00');
    expect(new VirtualClock('2026-01-01T00:00:00Z').advance(60)).toBe('2026-01-01T00:01:00Z');
    expect(formatInstant(Date.parse('2026-06-01T12:00:00Z'), -270)).toBe('2026-06-01T07:30:00-04:30');
  });

  it('accepts only real dates with an explicit offset', () => {
    expect(parseInstant('2026-11-24T12:00+09:00')?.offsetMinutes).toBe(540);
    expect(parseInstant('2026-11-24T12:00:00')).toBeUndefined();
    expect(parseInstant('2026-02-29T12:00:00+09:00')).toBeUndefined();
    expect(() => new VirtualClock('tomorrow')).toThrow(RangeError);
  });

  it('estimates speaking time from the prompt length, repeats included', () => {
    expect(speakingSeconds('あいうえお')).toBeCloseTo(1.25);
    const seconds = turnAudioSeconds([
      { type: 'say', nodeId: 'a', text: 'あいうえお', language: 'ja-JP', repeat: 2 },
      { type: 'collect', nodeId: 'a', purpose: 'menu', maxDigits: 1, timeoutSeconds: 5, submitOnHash: false },
    ]);
    expect(seconds).toBeCloseTo(2.5);
  });
});
