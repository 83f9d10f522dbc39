/**
 * Failed-login limiting, in memory: after 5 failures for one email, or 20 from one client
 * address, within 15 minutes, logins for it are refused (even with the right password) until the
 * oldest of those failures is 15 minutes old. The same limiter spaces out password-reset emails.
 *
 * Why memory and not a table: one flowcall process serves one database, attempts matter for 15
 * minutes only, and an attacker hammering the login must not cost a database write per guess
 * nor grow the file. A restart forgets the counts, which gives an attacker at most one more
 * window. The number of keys is capped so a flood of made-up emails cannot exhaust memory (the
 * oldest keys are dropped first; the per-address limit still holds such a flood back).
 */

export interface LimitRule {
  max: number;
  windowMs: number;
}

export const loginRules = {
  email: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 20, windowMs: 15 * 60_000 },
  /** Password-reset emails per address: enough for a typo, not a mail bomb. */
  resetEmail: { max: 3, windowMs: 15 * 60_000 },
} as const satisfies Record<string, LimitRule>;

const maxKeys = 50_000;

export class LoginLimiter {
  /** key → failure times (ms), oldest first, never more than the rule's max. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: () => Date) {}

  private recent(key: string, rule: LimitRule): number[] {
    const now = this.clock().getTime();
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < rule.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds until `key` may try again under `rule`; 0 = it may now. */
  retryAfter(key: string, rule: LimitRule): number {
    const recent = this.recent(key, rule);
    if (recent.length < rule.max) return 0;
    const oldest = recent[recent.length - rule.max]!;
    return Math.max(1, Math.ceil((oldest + rule.windowMs - this.clock().getTime()) / 1000));
  }

  /** The longest wait over several keys (a login checks its email and its address). */
  blockedFor(checks: ReadonlyArray<[string, LimitRule]>): number {
    return Math.max(0, ...checks.map(([key, rule]) => this.retryAfter(key, rule)));
  }

  fail(key: string, rule: LimitRule): void {
    const recent = this.recent(key, rule);
    recent.push(this.clock().getTime());
    // Re-inserting moves the key to the newest end of the map's order.
    this.failures.delete(key);
    this.failures.set(key, recent.slice(-rule.max));
    while (this.failures.size > maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  /** A successful login clears its email's failures (its address keeps counting). */
  clear(key: string): void {
    this.failures.delete(key);
  }
}
