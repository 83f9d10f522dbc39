import { describe, expect, it } from 'vitest';
import { LoginLimiter, loginRules } from './login-limiter.ts';

describe('login limiter', () => {
  it('blocks after 5 failures within 15 minutes until the oldest is 15 minutes old', () => {
    let now = Date.parse('2026-11-24T03:00:00Z');
    const limiter = new LoginLimiter(() => new Date(now));
    const rule = loginRules.email;
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('a@example.jp', rule)).toBe(0);
      limiter.fail('a@example.jp', rule);
      now += 60_000;
    }
    // First failure at 03:00, now 03:05: ten minutes to wait.
    expect(limiter.retryAfter('a@example.jp', rule)).toBe(600);
    expect(limiter.retryAfter('b@example.jp', rule)).toBe(0);
    now = Date.parse('2026-11-24T03:15:00Z');
    // The first failure has left the window; four remain.
    expect(limiter.retryAfter('a@example.jp', rule)).toBe(0);
    limiter.fail('a@example.jp', rule);
    expect(limiter.retryAfter('a@example.jp', rule)).toBe(60);
    limiter.clear('a@example.jp');
    expect(limiter.retryAfter('a@example.jp', rule)).toBe(0);
  });

  it('reports the longest wait over an email and an address', () => {
    const now = Date.parse('2026-11-24T03:00:00Z');
    const limiter = new LoginLimiter(() => new Date(now));
    for (let i = 0; i < 20; i++) limiter.fail('address:203.0.113.9', loginRules.address);
    expect(
      limiter.blockedFor([
        ['login:a@example.jp', loginRules.email],
        ['address:203.0.113.9', loginRules.address],
      ]),
    ).toBe(900);
  });
});
