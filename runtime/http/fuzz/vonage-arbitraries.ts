/**
 * fast-check arbitraries for Vonage webhooks: mostly shaped like Vonage's (reference §3), often
 * with a field of the wrong type, junk keys, nulls, huge or odd unicode strings, statuses out of
 * order, callback URLs naming calls and turns that exist, ended or never were — and sometimes
 * not JSON at all. Call ids come from a small pool so answers, inputs and events meet the same
 * calls in every order.
 */
import fc from 'fast-check';
import { callStatuses } from '../../vonage/payloads.ts';
import { payloadTextForGet } from '../../vonage/signature.ts';
import { signToken, vonageClaims } from '../../vonage/testing/sign-webhook.ts';

/** What the seeded store has, so generated webhooks can meet real numbers, steps and calls. */
export interface VonageWorld {
  /** Numbers as Vonage writes them (E.164 digits, no +). */
  numbers: string[];
  nodeIds: string[];
  callIds: string[];
  signatureSecret: string;
  now: () => Date;
}

export interface WebhookRequest {
  route: string;
  method: 'GET' | 'POST';
  /** Path and query, e.g. /vonage/input?c=…&n=…&s=2 */
  path: string;
  body?: string;
  headers: Record<string, string>;
}

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '０３−１２３４',
    '💥🎌',
    '\u0000',
    '\uD800',
    '%',
    '%zz',
  ),
  fc.integer({ min: 100, max: 4000 }).map((n) => 'あ'.repeat(n)),
);
/** A value of any JSON type, for the field that is not what it should be. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  oddText,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
/** Usually `good`, sometimes junk of any type, sometimes absent. */
export const field = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 2, arbitrary: junk },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const junkKeys = fc.dictionary(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), junk, { maxKeys: 3 });
const isoTime = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const digits = fc.stringMatching(/^[0-9*#]{0,20}$/);

/** A query string of the fields present (a junk value as its JSON text). */
const queryOf = (fields: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();

function payloads(world: VonageWorld) {
  const uuid = fc.oneof(fc.constantFrom(...world.callIds), fc.uuid());
  const number = fc.oneof(
    fc.constantFrom(...world.numbers),
    fc.constantFrom('819012345678', '0312345678', '+81 3-1234-5678', 'anonymous', 'Unknown'),
    fc.stringMatching(/^\+?\d{1,18}$/),
  );
  const leg = { uuid: field(uuid), conversation_uuid: field(fc.uuid().map((u) => `CON-${u}`)) };
  const status = fc.oneof(
    fc.constantFrom(...callStatuses),
    fc.constantFrom('unknown', 'COMPLETED', 'machine-ish'),
  );
  const event = fc.record({
    ...leg,
    status: field(status),
    direction: field(fc.constantFrom('inbound', 'outbound')),
    timestamp: field(isoTime),
    duration: field(fc.oneof(fc.nat({ max: 7200 }), fc.nat({ max: 7200 }).map(String))),
    detail: field(fc.constantFrom('busy', 'no_answer', 'ok', 'remote_busy')),
    reason: field(fc.string({ maxLength: 40 })),
    call_uuid: field(uuid),
    from: field(number),
    to: field(number),
  });
  const speechResult = fc.record({
    text: field(fc.oneof(fc.constantFrom('予約', 'はい', 'reservation'), fc.string({ maxLength: 30 }))),
    confidence: field(
      fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }).map(String),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
    ),
  });
  const input = fc.record({
    ...leg,
    dtmf: field(
      fc.oneof(
        digits,
        fc.record({ digits: field(fc.oneof(digits, fc.constant(null))), timed_out: field(fc.boolean()) }),
        fc.constant(null),
      ),
    ),
    speech: field(
      fc.record({
        results: field(fc.array(speechResult, { maxLength: 3 })),
        timeout_reason: field(fc.constantFrom('end_on_silence_timeout', 'max_duration', 'start_timeout')),
        error: field(fc.string({ maxLength: 20 })),
      }),
    ),
    from: field(number),
    to: field(number),
    timestamp: field(isoTime),
  });
  const fileUrl = fc.oneof(
    fc.uuid().map((u) => `https://api-us.nexmo.com/v1/files/${u}`),
    fc.webUrl(),
  );
  const record = fc.record({
    recording_url: field(fileUrl),
    recording_uuid: field(fc.uuid()),
    start_time: field(isoTime),
    end_time: field(isoTime),
    size: field(fc.oneof(fc.nat(), fc.nat().map(String))),
    conversation_uuid: field(fc.uuid()),
  });
  const transcription = fc.record({
    transcription_url: field(fileUrl),
    recording_uuid: field(fc.uuid()),
    status: field(fc.constantFrom('completed', 'failed')),
    type: field(fc.constantFrom('transcription', 'record')),
    conversation_uuid: field(fc.uuid()),
  });
  const answer = fc.record({
    ...leg,
    to: field(number),
    from: field(number),
    region_url: field(fc.constantFrom('https://api-ap-3.vonage.com', 'https://api-us-1.vonage.com')),
    from_user: field(fc.string({ maxLength: 10 })),
    endpoint_type: field(fc.constantFrom('phone', 'app', 'sip')),
  });
  const fallback = fc.record({
    reason: field(fc.constantFrom('Connection refused', 'Read timed out', 'Bad response')),
    original_request: field(fc.record({ url: fc.webUrl(), type: fc.constantFrom('answer', 'event') })),
    to: field(number),
    uuid: field(uuid),
  });
  const smsStatus = fc.record({
    message_uuid: field(fc.uuid()),
    status: field(
      fc.constantFrom('submitted', 'delivered', 'rejected', 'undeliverable', 'read', 'DELIVERED'),
    ),
    timestamp: field(fc.oneof(isoTime, fc.constantFrom('2026-13-45', '+275760-09-13T00:00:00.000Z'))),
    client_ref: field(fc.string({ maxLength: 40 })),
    error: field(fc.oneof(fc.record({ title: fc.string(), detail: fc.string() }), fc.string())),
    to: field(number),
  });
  return { uuid, event, input, record, transcription, answer, fallback, smsStatus };
}

/** A body that is not a JSON object: broken text, other JSON types, an empty body. */
const notAnObject = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"status":',
    'null',
    '[]',
    '[{"status":"completed"}]',
    '"completed"',
    '42',
    'true',
    '\uFEFF{}',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** An object with its junk keys merged in, as JSON, or sometimes no object at all. */
const bodyOf = (payload: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc.tuple(payload, junkKeys).map(([p, extra]) => JSON.stringify({ ...extra, ...p })),
    },
    { weight: 1, arbitrary: notAnObject },
  );

const seq = fc.oneof(
  { weight: 5, arbitrary: fc.nat({ max: 8 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('-1', '1.5', 'abc', '', '99999999999999999999', '1e3', ' 2') },
);

/** The query of a callback URL we built: call, node, turn — often of a call that exists. */
const turnQuery = (world: VonageWorld, uuid: fc.Arbitrary<string>) =>
  fc
    .record({
      c: field(fc.oneof(uuid, oddText)),
      n: field(fc.oneof(fc.constantFrom(...world.nodeIds), oddText)),
      s: field(seq),
    })
    .map(queryOf);

/** A query as a client might send it, including malformed percent-encoding. */
const rawQuery = fc.constantFrom('%', '%E0%A4%A', 'c=%ZZ&n=%&s=1', 'to=%FF%FE', '&&=&', 'c[]=1&c[]=2');

function signed(
  world: VonageWorld,
  request: WebhookRequest,
  how: 'none' | 'valid' | 'stale' | 'junk',
): WebhookRequest {
  if (how === 'none') return request;
  const payload = request.method === 'GET' ? payloadTextForGet(request.path) : (request.body ?? '');
  const iat = Math.floor(world.now().getTime() / 1000) - (how === 'stale' ? 3600 : 0);
  const token =
    how === 'junk'
      ? 'eyJhbGciOiJub25lIn0.e30.'
      : signToken(vonageClaims(payload, iat), world.signatureSecret);
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}

export function webhookRequest(world: VonageWorld): fc.Arbitrary<WebhookRequest> {
  const p = payloads(world);
  const json = { 'content-type': 'application/json' };
  const post = (route: string, body: fc.Arbitrary<string>, query: fc.Arbitrary<string> = fc.constant('')) =>
    fc.tuple(body, fc.oneof({ weight: 9, arbitrary: query }, { weight: 1, arbitrary: rawQuery })).map(
      ([b, q]): WebhookRequest => ({
        route,
        method: 'POST',
        path: `/vonage/${route}${q ? `?${q}` : ''}`,
        body: b,
        headers: json,
      }),
    );
  const answerGet = fc
    .oneof(
      {
        weight: 9,
        arbitrary: p.answer.map(queryOf),
      },
      { weight: 1, arbitrary: rawQuery },
    )
    .map(
      (q): WebhookRequest => ({ route: 'answer', method: 'GET', path: `/vonage/answer?${q}`, headers: {} }),
    );
  const turn = turnQuery(world, p.uuid);
  const request = fc.oneof(
    { weight: 3, arbitrary: answerGet },
    { weight: 1, arbitrary: post('answer', bodyOf(p.answer)) },
    { weight: 3, arbitrary: post('event', bodyOf(p.event)) },
    { weight: 3, arbitrary: post('input', bodyOf(p.input), turn) },
    { weight: 1, arbitrary: post('record', bodyOf(p.record), turn) },
    { weight: 1, arbitrary: post('continue', bodyOf(p.event), turn) },
    { weight: 2, arbitrary: post('connect', bodyOf(p.event), turn) },
    { weight: 1, arbitrary: post('transcription', bodyOf(p.transcription), turn) },
    { weight: 1, arbitrary: post('fallback', bodyOf(p.fallback)) },
    { weight: 1, arbitrary: post('messages/status', bodyOf(p.smsStatus)) },
  );
  const how = fc.constantFrom('none', 'none', 'none', 'valid', 'stale', 'junk') as fc.Arbitrary<
    'none' | 'valid' | 'stale' | 'junk'
  >;
  return fc.tuple(request, how).map(([r, h]) => signed(world, r, h));
}
