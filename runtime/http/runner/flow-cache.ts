/**
 * What a webhook reads on every call, kept in memory: published flow versions (immutable, so
 * cached forever by flow and version), which version each flow has published, the schedules
 * and the numbers. The store announces every write to flows, schedules and numbers, and the
 * matching part is dropped, so a change applies to the next call. (One runtime process per
 * database: a second process writing the same file would not be seen until a restart.)
 * The number cache also lets a failing database still answer with the number's fallback.
 * Schedules are kept per workspace: a call's flow sees only its own workspace's hours (ids are
 * global, but a flow must never run on another company's schedule).
 */
import type { ScheduleDocument } from '../../../schema/generated/schedule.ts';
import type { Flow } from '../../../schema/kinds.ts';
import type { NumberRecord, Store } from '../../store/types.ts';

export interface PublishedFlow {
  flowId: string;
  version: number;
  document: Flow;
}

/** Loads once; concurrent readers share the load; a failed load is retried by the next reader. */
class Lazy<T> {
  private value: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.value) {
      const loading = this.load();
      this.value = loading;
      loading.catch(() => {
        if (this.value === loading) this.value = undefined;
      });
    }
    return this.value;
  }

  drop(): void {
    this.value = undefined;
  }
}

export class RuntimeCache {
  private readonly versions = new Map<string, Flow>();
  private readonly published = new Map<string, Lazy<number | null>>();
  private readonly schedulesOf = new Map<string, Lazy<Record<string, ScheduleDocument>>>();
  private readonly numbers: Lazy<Map<string, NumberRecord>>;
  private lastNumbers: Map<string, NumberRecord> | undefined;

  constructor(private readonly store: Store) {
    this.numbers = new Lazy(async () => {
      const all = await store.numbers.list();
      this.lastNumbers = new Map(all.map((n) => [n.number, n]));
      return this.lastNumbers;
    });
    store.onConfigChange((table) => {
      if (table === 'flows') this.published.clear();
      if (table === 'schedules') this.schedulesOf.clear();
      // Deleting a flow unlinks the numbers that used it.
      if (table === 'numbers' || table === 'flows') this.numbers.drop();
    });
  }

  async flowVersion(flowId: string, version: number): Promise<Flow | undefined> {
    const key = `${flowId}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const record = await this.store.flows.version(flowId, version);
    if (record) this.versions.set(key, record.document);
    return record?.document;
  }

  /** The flow's published version, or undefined when it has none. */
  async publishedFlow(flowId: string): Promise<PublishedFlow | undefined> {
    let version = this.published.get(flowId);
    if (!version) {
      version = new Lazy(async () => (await this.store.flows.published(flowId))?.version ?? null);
      this.published.set(flowId, version);
    }
    const number = await version.get();
    if (number === null) return undefined;
    const document = await this.flowVersion(flowId, number);
    return document ? { flowId, version: number, document } : undefined;
  }

  /** The schedules of one workspace, by id. */
  schedules(workspaceId: string): Promise<Record<string, ScheduleDocument>> {
    let schedules = this.schedulesOf.get(workspaceId);
    if (!schedules) {
      schedules = new Lazy(() => this.store.scoped(workspaceId).schedules.all());
      this.schedulesOf.set(workspaceId, schedules);
    }
    return schedules.get();
  }

  async number(e164: string): Promise<NumberRecord | undefined> {
    return (await this.numbers.get()).get(e164);
  }

  /** The number as last seen, without touching the database (for the failure path). */
  knownNumber(e164: string): NumberRecord | undefined {
    return this.lastNumbers?.get(e164);
  }
}
