import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retention.ts';

describe('retention cutoff', () => {
  it('goes back whole calendar months, falling back to the end of a shorter month', () => {
    expect(retentionCutoff(new Date('2026-11-24T03:00:00Z'), 6)).toBe('2026-05-24T03:00:00.000Z');
    expect(retentionCutoff(new Date('2026-08-31T00:00:00Z'), 6)).toBe('2026-02-28T00:00:00.000Z');
    expect(retentionCutoff(new Date('2027-01-15T00:00:00Z'), 1)).toBe('2026-12-15T00:00:00.000Z');
    expect(retentionCutoff(new Date('2027-01-15T00:00:00Z'), 24)).toBe('2025-01-15T00:00:00.000Z');
  });
});
