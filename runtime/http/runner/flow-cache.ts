/**
 * Published flow versions are immutable, so they are cached forever by (flow, version); the
 * number table is small and read on every call, so it is cached until the API changes it.
 * The number cache also lets a failing database still answer with the number's fallback.
 */
import type { Flow } from '../../../schema/kinds.ts';
import type { NumberRecord, Store } from '../../store/types.ts';

export class RuntimeCache {
  private readonly versions = new Map<string, Flow>();
  private numbers: Map<string, NumberRecord> | undefined;

  constructor(private readonly store: Store) {}

  async flowVersion(flowId: string, version: number): Promise<Flow | undefined> {
    const key = `${flowId}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const record = await this.store.flows.version(flowId, version);
    if (record) this.versions.set(key, record.document);
    return record?.document;
  }

  async number(e164: string): Promise<NumberRecord | undefined> {
    if (!this.numbers) {
      const all = await this.store.numbers.list();
      this.numbers = new Map(all.map((n) => [n.number, n]));
    }
    return this.numbers.get(e164);
  }

  /** The number as last seen, without touching the database (for the failure path). */
  knownNumber(e164: string): NumberRecord | undefined {
    return this.numbers?.get(e164);
  }

  invalidateNumbers(): void {
    this.numbers = undefined;
  }
}
