/**
 * Test helpers for the store tests (test-only): an in-memory store with a settable clock, and
 * small flows, calls and states to put in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { CallState } from '../engine/types.ts';
import { openStore } from './create-store.ts';
import type { CallRecord, Store } from './types.ts';

export const t0 = '2026-04-01T01:00:00.000Z';

/** A clock tests move by hand; the store and worker read it, never Date.now. */
export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = t0): TestClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = new Date(iso).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export function memoryStore(clock: TestClock = testClock()): Promise<Store> {
  return openStore(':memory:', { clock });
}

/** A fresh temporary folder and a cleanup for it. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'flowcall-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sampleFlow(id = 'demo', greeting = 'お電話ありがとうございます。'): FlowDocument {
  return {
    schemaVersion: 1,
    id,
    name: `デモ ${id}`,
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start: 'welcome',
    nodes: [
      { id: 'welcome', kind: 'say', params: { text: greeting }, next: { next: 'bye' } },
      { id: 'bye', kind: 'hangup', params: {}, next: {} },
    ],
  };
}

export function stateOf(callId: string, seq: number, overrides: Partial<CallState> = {}): CallState {
  return {
    v: 1,
    callId,
    flowId: 'demo',
    flowVersion: 1,
    status: 'waiting',
    seq,
    waiting: { nodeId: 'menu', kind: 'menu', attempt: 0 },
    vars: {},
    path: ['welcome', 'menu'],
    startedAt: t0,
    ...overrides,
  };
}

export function callOf(id: string, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id,
    conversationUuid: `CON-${id}`,
    number: '+815012345678',
    from: '819012345678',
    to: '+815012345678',
    flowId: 'demo',
    flowVersion: 1,
    status: 'live',
    result: null,
    missedReason: null,
    state: null,
    startedAt: t0,
    endedAt: null,
    lastEventAt: t0,
    ...overrides,
  };
}
