/**
 * fast-check arbitraries for /api requests. The routes come from the access table
 * (runtime/auth/access.ts), so a route added there is fuzzed without touching this file. Path
 * parameters are ids that exist or odd text (encoded, raw '%', '..', very long); query strings
 * mix every key the API reads with junk values; bodies are near-valid documents (an example flow
 * or schedule with a few fields broken), route-shaped objects with wrong types, or not JSON.
 */
import fc from 'fast-check';
import { apiAccess } from '../../auth/access.ts';
import { channelTypes } from '../../effects/channels/types.ts';
import { field, junk } from './vonage-arbitraries.ts';

/** Ids and documents in the seeded store, so requests meet real records. */
export interface ApiWorld {
  ids: string[];
  callIds: string[];
  nodeIds: string[];
  numbers: string[];
  flows: Array<Record<string, unknown>>;
  schedules: Array<Record<string, unknown>>;
}

export interface ApiRequest {
  /** The access table's key, e.g. "PUT /api/flows/:id". */
  route: string;
  method: string;
  path: string;
  body?: string | FormData;
  headers: Record<string, string>;
}

export const apiRoutes = Object.keys(apiAccess);

/** Text that is awkward in a URL path segment, already as it goes on the wire. */
const oddSegment = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom(
    '%',
    '%zz',
    '%E0%A4%A',
    '..',
    '%2e%2e',
    '%2F',
    'a%00b',
    '%20',
    '-',
    '__proto__',
    'constructor',
  ),
  fc.constant('x'.repeat(3000)),
);
const oddText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', ' ', '%', '\u0000', 'あ'.repeat(300)),
);

const queryKeys = [
  'limit',
  'offset',
  'status',
  'before',
  'number',
  'search',
  'tag',
  'encoding',
  'mode',
  'from',
  'to',
  'flow',
  'outcome',
  'reason',
  'caller',
  'q',
  'cursor',
  'confirm',
  'download',
];
const queryValue = fc.oneof(
  fc.constantFrom(
    '1',
    '0',
    '-1',
    '50',
    '1001',
    '1.5',
    'abc',
    '',
    'live',
    'ended',
    'all',
    'merge',
    'replace',
    'utf-8',
    'shift_jis',
    'sjis',
    '2026-11-24',
    '2026-02-30',
    '2026-11-24T12:00:00+09:00',
    '9999-99-99',
    'completed',
    'missed',
    'afterHours',
    'anonymous',
    '090-1234-5678',
    '+815012345678',
    '予約',
    'restaurant',
    'eyJ0IjoiYmFkIn0',
    'Infinity',
    'NaN',
    '1e309',
  ),
  oddText,
);
const query = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .dictionary(fc.constantFrom(...queryKeys), queryValue, { maxKeys: 4 })
      .map((q) => new URLSearchParams(q).toString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%E0%A4%A',
      'limit=%FF',
      'limit=1&limit=2',
      '&&=&',
      'q=' + 'x'.repeat(5000),
    ),
  },
);

function paramValue(world: ApiWorld, name: string): fc.Arbitrary<string> {
  const known: Record<string, string[]> = {
    id: [...world.ids, ...world.callIds],
    number: world.numbers.flatMap((n) => [encodeURIComponent(n), n.replace('+81', '0')]),
    nodeId: world.nodeIds,
    version: ['1', '2', '0', '-1', '1.5', 'abc', '99999999999999999999'],
    userId: [],
  };
  const pool = known[name] ?? [];
  return pool.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: oddSegment })
    : oddSegment;
}

/** A copy of `doc` with a few places broken: deleted, set to junk, or given a junk sibling. */
function mutated(docs: Array<Record<string, unknown>>): fc.Arbitrary<unknown> {
  const edit = fc.record({
    at: fc.nat(),
    how: fc.constantFrom('delete', 'set', 'add'),
    value: junk,
    key: fc.string({ maxLength: 8 }),
  });
  return fc.tuple(fc.constantFrom(...docs), fc.array(edit, { maxLength: 3 })).map(([doc, edits]) => {
    const copy = structuredClone(doc);
    for (const e of edits) {
      const places: Array<[Record<string, unknown>, string]> = [];
      const walk = (node: unknown) => {
        if (typeof node !== 'object' || node === null) return;
        for (const [k, v] of Object.entries(node)) {
          places.push([node as Record<string, unknown>, k]);
          walk(v);
        }
      };
      walk(copy);
      const place = places[e.at % Math.max(places.length, 1)];
      if (!place) continue;
      const [parent, key] = place;
      if (e.how === 'delete') delete parent[key];
      else if (e.how === 'set') parent[key] = e.value;
      else parent[e.key] = e.value;
    }
    return copy;
  });
}

const phoneish = fc.oneof(
  fc.constantFrom(
    '090-1234-5678',
    '03-1234-5678',
    '+81 50 1234 5678',
    '０９０１２３４５６７８',
    '110',
    '0120-444-444',
  ),
  oddText,
);
const scopes = fc.array(fc.constantFrom('flows:read', 'flows:write', 'admin', 'contacts:read', 'nope'), {
  maxLength: 4,
});

/** Route-shaped bodies: the fields the route reads, each maybe of the wrong type. */
function bodyFor(world: ApiWorld, route: string): fc.Arbitrary<unknown> {
  const [, path = ''] = route.split(' ');
  const obj = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, field(a)])));
  if (/^\/api\/flows(\/:id)?$/.test(path)) return mutated(world.flows);
  if (path === '/api/schedules/:id') return mutated(world.schedules);
  if (path === '/api/numbers/:number')
    return obj({
      label: oddText,
      flowId: fc.constantFrom(...world.ids),
      lines: fc.integer({ min: -2, max: 120 }),
      smsSenderId: oddText,
      fallbackNumber: phoneish,
    });
  if (path.startsWith('/api/contacts'))
    return obj({
      name: oddText,
      company: oddText,
      numbers: fc.array(phoneish, { maxLength: 12 }),
      notes: oddText,
      tags: fc.array(oddText, { maxLength: 25 }),
    });
  if (path === '/api/channels/:id')
    return obj({
      name: oddText,
      type: fc.constantFrom<string>(...channelTypes, 'fax'),
      settings: fc.dictionary(fc.constantFrom('webhookUrl', 'url', 'to', 'roomId', 'privateKey', 'x'), junk),
    });
  if (path === '/api/simulate')
    return obj({
      flowId: fc.constantFrom(...world.ids),
      flow: mutated(world.flows),
      script: fc.array(
        fc.oneof(
          fc.record({ press: fc.stringMatching(/^[0-9#*]{1,4}$/) }),
          fc.record({ say: oddText }),
          junk,
        ),
        { maxLength: 6 },
      ),
      at: fc.constantFrom('2026-11-24T12:00:00+09:00', '2026-11-24', 'yesterday'),
      from: phoneish,
      to: phoneish,
    });
  if (path.endsWith('/publish') || path.endsWith('/rollback'))
    return obj({ version: fc.integer({ min: -1, max: 5 }), comment: oddText });
  if (path === '/api/history/retention')
    return obj({ months: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double()) });
  if (path.startsWith('/api/auth') || path.startsWith('/api/workspace'))
    return obj({
      email: fc.oneof(fc.emailAddress(), oddText),
      password: oddText,
      token: oddText,
      name: oddText,
      workspaceName: oddText,
      workspaceId: oddText,
      role: fc.constantFrom('owner', 'editor', 'operator', 'viewer', 'god'),
      scopes,
    });
  return fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 4 });
}

const csvBody = fc.oneof(
  fc
    .array(fc.tuple(oddText, phoneish, oddText), { maxLength: 20 })
    .map(
      (rows) =>
        `名前,電話番号,タグ\r\n${rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n')}`,
    ),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom('', '"unterminated,quote\r\n', 'name\r\n' + '"'.repeat(1000)),
);

/** A body as it goes on the wire, with its content type. */
function wireBody(world: ApiWorld, route: string): fc.Arbitrary<Pick<ApiRequest, 'body' | 'headers'>> {
  const json = { 'content-type': 'application/json' };
  if (route === 'POST /api/contacts/import') {
    return fc.oneof(
      csvBody.map((csv) => ({ body: csv, headers: { 'content-type': 'text/csv' } })),
      csvBody.map((csv) => {
        const form = new FormData();
        form.set('file', new File([csv], 'contacts.csv', { type: 'text/csv' }));
        return { body: form, headers: {} };
      }),
      // A multipart content type over a body that is not one.
      csvBody.map((csv) => ({ body: csv, headers: { 'content-type': 'multipart/form-data; boundary=x' } })),
    );
  }
  return fc.oneof(
    {
      weight: 8,
      arbitrary: bodyFor(world, route).map((b) => ({ body: JSON.stringify(b) ?? '', headers: json })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('', '{', 'null', '[]', '"x"', '1', '{"a":1}{"b":2}', '\uFEFF{}')
        .map((body) => ({ body, headers: json })),
    },
    {
      weight: 1,
      arbitrary: fc
        .jsonValue()
        .map((v) => ({ body: JSON.stringify(v), headers: { 'content-type': 'text/plain' } })),
    },
  );
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function apiRequest(world: ApiWorld): fc.Arbitrary<ApiRequest> {
  const route = fc.constantFrom(...apiRoutes);
  return route.chain((key) => {
    const [tableMethod = 'GET', pattern = '/'] = key.split(' ');
    const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
    const hasBody = tableMethod !== 'GET' && tableMethod !== 'DELETE';
    return fc
      .record({
        params: fc.tuple(...names.map((n) => paramValue(world, n))),
        query: fc.option(query, { nil: undefined, freq: 2 }),
        wire: hasBody
          ? wireBody(world, key)
          : fc.constant<Pick<ApiRequest, 'body' | 'headers'>>({ headers: {} }),
        // Now and then a method the route does not have (405/404, never a 5xx).
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant(tableMethod) },
          { weight: 1, arbitrary: fc.constantFrom(...methods) },
        ),
      })
      .map(({ params, query: q, wire, method }) => {
        let i = 0;
        const path = pattern.replace(/:\w+/g, () => params[i++] ?? '');
        const keepBody = method !== 'GET' && wire.body !== undefined;
        return {
          route: key,
          method,
          path: q ? `${path}?${q}` : path,
          headers: keepBody ? wire.headers : {},
          ...(keepBody ? { body: wire.body } : {}),
        };
      });
  });
}
