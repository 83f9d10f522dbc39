/**
 * /api/history — the call log, one call in full, the dashboard, CSV and JSON exports, deletion,
 * retention and "from log to test". Token-protected like the rest of /api. Reads only: the
 * summaries are written by the outbox worker (runtime/history/history-sender.ts).
 */
import { Hono } from 'hono';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { flowRan } from '../history/call-outcome.ts';
import { summarizeCall } from '../history/call-summary.ts';
import { traceOf } from '../history/history-sender.ts';
import { deleteHistory } from '../history/retention.ts';
import { callsPerDay, dashboard } from '../history/stats.ts';
import type { HistoryPage, HistoryPageQuery, HistoryRow, Store } from '../store/types.ts';
import type { AuthEnv } from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';
import { retentionBody, validBody } from './hardening-bodies.ts';
import { callDetailParts } from './history-detail.ts';
import { type CallLogEntry, csvHeader, csvLine, type Labels, presentRow } from './history-present.ts';
import { historyFilter, historyPageQuery, statsRange } from './history-query.ts';
import { callTestCase } from './history-replay.ts';
import { HttpError } from './http-error.ts';
import { recordingResponse } from './recording-response.ts';
import { workspaceStore } from './workspace-store.ts';

/**
 * A call that ended a moment ago has no summary yet: the log shows it as the worker will, from
 * its trace (one extra read for each such call, and there are only ever a few).
 */
async function withProvisionalOutcome(store: Store, row: HistoryRow): Promise<HistoryRow> {
  if (row.outcome !== null || row.status === 'live') return row;
  const call = await store.calls.get(row.id);
  if (!call) return row;
  const summary = summarizeCall({ call, trace: traceOf(await store.calls.events(row.id)) });
  return {
    ...row,
    outcome: summary.outcome,
    reason: summary.reason,
    durationSeconds: summary.durationSeconds,
  };
}

async function entries(store: Store, rows: readonly HistoryRow[], labels: Labels): Promise<CallLogEntry[]> {
  const shown = await Promise.all(rows.map((row) => withProvisionalOutcome(store, row)));
  return shown.map((row) => presentRow(row, labels));
}

const csvPageSize = 1000;

/** A page of the store; a cursor it did not give out is the client's mistake (400). */
async function pageOf(store: Store, query: HistoryPageQuery): Promise<HistoryPage> {
  try {
    return await store.history.page(query);
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, `"cursor": ${error.message}`);
    throw error;
  }
}

export function historyRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.get('/calls', async (c) => {
    const store = workspaceStore(c, deps);
    const page = await pageOf(store, historyPageQuery(c, 200));
    return c.json({ calls: await entries(store, page.rows, await store.history.labels()), next: page.next });
  });

  app.get('/calls/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const row = await store.history.get(c.req.param('id'));
    const call = row && (await store.calls.get(row.id));
    if (!row || !call) throw new HttpError(404, 'no such call');
    const flow =
      call.flowId && call.flowVersion !== null
        ? ((await store.flows.version(call.flowId, call.flowVersion))?.document as FlowDocument | undefined)
        : undefined;
    const [entry] = await entries(store, [row], await store.history.labels());
    const parts = await callDetailParts({
      store,
      callId: call.id,
      events: await store.calls.events(call.id),
      flow,
      vars: call.state?.vars ?? {},
      path: flowRan(call) ? (call.state?.path ?? []) : [],
      recordings: deps.recordings,
    });
    return c.json({ ...entry, ...parts });
  });

  app.get('/stats', async (c) => {
    const store = workspaceStore(c, deps);
    const filter = historyFilter(c);
    const range = statsRange(filter, deps.clock());
    const scope = {
      ...range,
      ...(filter.number ? { number: filter.number } : {}),
      ...(filter.flowId ? { flowId: filter.flowId } : {}),
    };
    const groups = await store.history.stats(scope);
    const labels = await store.history.labels();
    const figures = dashboard(groups);
    return c.json({
      ...range,
      ...figures,
      byDay: callsPerDay(await store.history.hourly(scope), range),
      byNumber: figures.byNumber.map((n) => ({ ...n, label: labels.numbers[n.number] ?? null })),
      byFlow: figures.byFlow.map((f) => ({ ...f, name: f.flowId ? (labels.flows[f.flowId] ?? null) : null })),
    });
  });

  app.get('/export.json', async (c) => {
    const store = workspaceStore(c, deps);
    const page = await pageOf(store, { ...historyPageQuery(c, 1000), withVars: true });
    return c.json({ calls: await entries(store, page.rows, await store.history.labels()), next: page.next });
  });

  app.get('/export.csv', async (c) => {
    const store = workspaceStore(c, deps);
    const filter = historyFilter(c);
    const labels = await store.history.labels();
    const encoder = new TextEncoder();
    let cursor: string | null | undefined;
    // Page by page as Excel reads it: a year of calls never sits in memory at once.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${csvHeader.join(',')}\r\n`));
      },
      async pull(controller) {
        const page = await pageOf(store, { ...filter, limit: csvPageSize, ...(cursor ? { cursor } : {}) });
        const lines = (await entries(store, page.rows, labels)).map(csvLine).join('');
        if (lines !== '') controller.enqueue(encoder.encode(lines));
        cursor = page.next;
        if (cursor === null) controller.close();
      },
    });
    const day = new Date(deps.clock().getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="calls-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  });

  app.delete('/calls/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const id = c.req.param('id');
    const result = await store.history.deleteCall(id);
    if (result === 'missing') throw new HttpError(404, 'no such call');
    if (result === 'live')
      throw new HttpError(409, 'the call is still in progress; delete it once it has ended');
    await deps.recordings?.deleteCall(id);
    return c.body(null, 204);
  });

  app.delete('/', async (c) => {
    const store = workspaceStore(c, deps);
    if (c.req.query('confirm') !== 'all')
      throw new HttpError(400, 'deleting the whole call history needs ?confirm=all');
    const deleted = await deleteHistory({ store, recordings: deps.recordings });
    deps.logger.info('call history deleted', { calls: deleted });
    return c.json({ deleted });
  });

  app.get('/retention', async (c) =>
    c.json({ months: await workspaceStore(c, deps).history.retentionMonths() }),
  );

  app.put('/retention', async (c) => {
    const store = workspaceStore(c, deps);
    const { months } = await validBody(c, retentionBody);
    await store.history.setRetentionMonths(months, deps.clock().toISOString());
    return c.json({ months });
  });

  app.post('/calls/:id/test-case', async (c) => {
    const store = workspaceStore(c, deps);
    const call = await store.calls.get(c.req.param('id'));
    if (!call) throw new HttpError(404, 'no such call');
    const testCase = await callTestCase(store, call, await store.calls.events(call.id));
    if (!testCase)
      throw new HttpError(422, 'this call never ran a flow (it was turned away), or its flow is gone');
    return c.json(testCase);
  });

  app.get('/calls/:id/recordings/:nodeId', async (c) => {
    const { id, nodeId } = c.req.param();
    const store = workspaceStore(c, deps);
    // The stored copy is found by call id alone: the call must be this workspace's first.
    if (!(await store.calls.get(id))) throw new HttpError(404, 'no such call');
    return recordingResponse({ ...deps, store }, id, nodeId, {
      range: c.req.header('range'),
      download: c.req.query('download') !== undefined,
    });
  });

  return app;
}
