/**
 * Test-only: what cross-workspace.test.ts tries on every /api route — the probes (queries, JSON
 * and CSV bodies) a company sends with another company's ids, and "ghost" ids that exist nowhere
 * to compare the answers with. Every registered non-public route must have an entry: the test
 * fails for a route added without one.
 */
import type { Probe } from './route-walk.ts';
import type { TenantIds } from './tenants.ts';

/** Routes anyone may call (no workspace, nothing of anyone's): not walked. */
export const publicList = [
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/setup',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/invitations/accept',
];
/** Browser-session routes (an API token is refused them). */
export const sessionOnly = ['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/workspace'];

/** Ids that exist nowhere, of the same shapes as a company's. */
export const ghost: TenantIds = {
  workspace: 'ws-ghost',
  flow: 'ghost-flow',
  schedule: 'ghost-hours',
  number: '+815077330001',
  channel: 'ghost-staff',
  contact: 'ghost-contact',
  contactNumber: '+819033330001',
  call: 'ghost-call',
  node: 'voicemail',
  user: 'ghost-user',
  invitation: 'ghost-invitation',
  token: 'tok-ghost',
};

const flowDoc = (id: string, extra: Array<Record<string, unknown>> = []) => ({
  schemaVersion: 1,
  id,
  name: 'A の下書き',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  start: 'hello',
  nodes: [
    { id: 'hello', kind: 'say', params: { text: 'A です' }, next: { next: 'bye' } },
    { id: 'bye', kind: 'hangup', params: {}, next: {} },
    ...extra,
  ],
});
const none = (): Probe[] => [{}];
const callFilters = (v: TenantIds): Probe[] => [
  {},
  { query: { number: v.number } },
  { query: { flow: v.flow } },
  { query: { caller: v.contactNumber } },
  { query: { q: v.contactNumber.slice(3) } },
];

/** What A tries on each route, given a company's ids (B's, then the ghost's). */
export function walkPlan(own: TenantIds): Record<string, (v: TenantIds) => Probe[]> {
  return {
    'GET /api/auth/me': none,
    'POST /api/auth/workspace': (v) => [{ body: { workspaceId: v.workspace } }],
    'POST /api/auth/logout': () => [{ once: true }],
    'GET /api/workspace/members': none,
    'PATCH /api/workspace/members/:userId': () => [{ body: { role: 'viewer' } }],
    'DELETE /api/workspace/members/:userId': none,
    'GET /api/workspace/invitations': none,
    'POST /api/workspace/invitations': (v) => [
      { body: { email: `invitee-${v.workspace}@a.test`, role: 'viewer' } },
    ],
    'DELETE /api/workspace/invitations/:id': none,
    'GET /api/workspace/tokens': none,
    'POST /api/workspace/tokens': () => [{ body: { name: 'A の CI', scopes: ['flows:read'] } }],
    'DELETE /api/workspace/tokens/:id': none,
    'GET /api/templates': none,
    'GET /api/flows': none,
    'POST /api/flows': (v) => [{ body: flowDoc(v.flow), conflict: 'id' }],
    'GET /api/flows/:id': none,
    'PUT /api/flows/:id': (v) => [{ body: flowDoc(v.flow), conflict: 'id' }],
    'DELETE /api/flows/:id': none,
    'POST /api/flows/:id/publish': () => [{ body: { comment: 'A' } }],
    'GET /api/flows/:id/versions': none,
    'GET /api/flows/:id/versions/:version': none,
    'POST /api/flows/:id/rollback': () => [{ body: { version: 1 } }],
    'POST /api/simulate': (v) => [
      { body: { flowId: v.flow } },
      // A flow of A's naming B's schedule and channel: validated against A's own (unknown there).
      {
        body: {
          flow: flowDoc('a-probe', [
            {
              id: 'h',
              kind: 'hours',
              params: { schedule: v.schedule },
              next: { open: 'bye', closed: 'bye' },
            },
            { id: 'n', kind: 'notify', params: { channel: v.channel, message: 'x' }, next: { next: 'bye' } },
          ]),
        },
      },
    ],
    'GET /api/schedules': none,
    'GET /api/schedules/:id': none,
    'PUT /api/schedules/:id': (v) => [
      {
        body: { schemaVersion: 1, id: v.schedule, name: 'A', weekly: {}, closedOnPublicHolidays: false },
        conflict: 'id',
      },
    ],
    'DELETE /api/schedules/:id': none,
    'GET /api/numbers': none,
    'GET /api/numbers/:number': none,
    'PUT /api/numbers/:number': (v) => [
      { body: { label: 'A', lines: 1 }, conflict: 'number' },
      // A's own number pointed at B's flow: no such flow for A.
      { params: { number: own.number }, body: { flowId: v.flow, label: 'A', lines: 1 } },
    ],
    'DELETE /api/numbers/:number': none,
    'GET /api/channels': none,
    'GET /api/channels/:id': none,
    'PUT /api/channels/:id': () => [
      {
        body: { name: 'A', type: 'webhook', settings: { url: 'https://a.example/hook', secret: 'a' } },
        conflict: 'id',
      },
    ],
    'DELETE /api/channels/:id': none,
    'POST /api/channels/:id/test': none,
    'GET /api/contacts': (v) => [{}, { query: { search: v.contactNumber.slice(3) } }],
    'GET /api/contacts/tags': none,
    'GET /api/contacts/lookup': (v) => [{ query: { number: v.contactNumber } }],
    'GET /api/contacts/export': () => [{}, { query: { encoding: 'shift_jis' } }],
    'GET /api/contacts/export.csv': () => [{}, { query: { encoding: 'shift_jis' } }],
    'GET /api/contacts/:id': none,
    'POST /api/contacts': (v) => [{ body: { name: 'A の連絡先', numbers: [v.contactNumber] } }],
    'POST /api/contacts/import': (v) => [
      { body: `id,名前,電話番号\n${v.contact},A の取込,${v.contactNumber}\n` },
    ],
    'PUT /api/contacts/:id': () => [{ body: { name: 'A', numbers: [] }, conflict: 'id' }],
    'DELETE /api/contacts/:id': none,
    'GET /api/calls': (v) => [{}, { query: { number: v.number } }],
    'GET /api/calls/:id': none,
    'GET /api/history/calls': callFilters,
    'GET /api/history/calls/:id': none,
    'GET /api/history/calls/:id/recordings/:nodeId': () => [{}, { query: { download: '' } }],
    'POST /api/history/calls/:id/test-case': none,
    'GET /api/history/stats': (v): Probe[] => [
      {},
      { query: { number: v.number } },
      { query: { flow: v.flow } },
    ],
    'GET /api/history/export.json': callFilters,
    'GET /api/history/export.csv': callFilters,
    'GET /api/history/retention': none,
    'PUT /api/history/retention': () => [{ body: { months: 2 } }],
    'DELETE /api/history/calls/:id': none,
    'DELETE /api/history': () => [{ query: { confirm: 'all' } }],
  };
}
