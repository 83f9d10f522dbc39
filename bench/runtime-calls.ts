/**
 * One complete restaurant call as Vonage would make it, over HTTP: answer → the caller presses 2
 * (the shop) → the connect leg starts, rings, is answered and completes → the caller's leg
 * completes. Every webhook is timed, and every answer is checked against what a real call needs
 * next, so a fallback NCCO (which is also a 200 JSON array) counts as an error, not as speed.
 */
import { Agent, request as httpRequest } from 'node:http';

export const demoNumber = '815012345678';
const caller = '819012345678';
/** The shop's number in the restaurant flow (03-3245-1187), as a connect endpoint writes it. */
export const shopNumber = '81332451187';

/** Which webhook a latency belongs to (an index into `routeNames`). */
export const routeNames = ['answer', 'input', 'connect', 'event'] as const;
export const requestsPerCall = 7;

type Action = Record<string, unknown>;

export class CallError extends Error {}

export interface CallResult {
  answer: Action[];
  input: Action[];
}

/** Records the latency (ms) of one request to route `route` (an index into routeNames). */
export type Timing = (route: number, ms: number) => void;

/**
 * node:http with a keep-alive agent rather than global fetch: on Node 20, fetch (undici behind
 * WHATWG streams) costs the client about 3× the CPU per request, and on a 2-core machine that
 * CPU comes out of the server's share and caps the bare baseline (measured here, client and a
 * bare route in one thread, 200 connections: 2,400 vs 6,900 req/s). `--fetch` switches back to compare.
 */
// Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout can close one
// just as a paused caller reuses it (ECONNRESET).
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, timeout: 4000 });
let useFetch = false;
export function clientKind(fetchClient: boolean): void {
  useFetch = fetchClient;
}

function request(url: string, body: string | undefined): Promise<{ status: number; text: string }> {
  if (useFetch) {
    const init =
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    return fetch(url, init).then(async (response) => ({
      status: response.status,
      text: await response.text(),
    }));
  }
  return new Promise((resolve, reject) => {
    const headers =
      body === undefined
        ? {}
        : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = httpRequest(
      url,
      { method: body === undefined ? 'GET' : 'POST', headers, agent },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What a caller does between two webhooks (nothing, or wait like a person listening). */
export type Pause = () => Promise<void>;
const noPause: Pause = () => Promise.resolve();

async function send(
  url: string,
  route: number,
  timing: Timing,
  body?: Record<string, unknown>,
  pause: Pause = noPause,
): Promise<{ status: number; text: string }> {
  await pause();
  const start = performance.now();
  let response: { status: number; text: string };
  try {
    response = await request(url, body === undefined ? undefined : JSON.stringify(body));
  } catch (error) {
    throw new CallError(`${routeNames[route]}: ${String(error)}`);
  }
  // Timed to the last byte of the body: that is when Vonage can act on the answer.
  timing(route, performance.now() - start);
  return response;
}

function nccoOf(route: number, response: { status: number; text: string }): Action[] {
  if (response.status !== 200) throw new CallError(`${routeNames[route]} answered ${response.status}`);
  const ncco: unknown = JSON.parse(response.text);
  if (!Array.isArray(ncco)) throw new CallError(`${routeNames[route]} answered no NCCO array`);
  return ncco as Action[];
}

function eventUrl(route: number, action: Action | undefined, path: string, uuid: string): string {
  const urls = action?.eventUrl;
  const url = Array.isArray(urls) && typeof urls[0] === 'string' ? urls[0] : '';
  if (!url.includes(path)) throw new CallError(`${routeNames[route]}: no ${path} eventUrl: ${url}`);
  // The bare baseline answers fixed NCCOs that name another call; the runtime must name this one.
  if (uuid !== '' && new URL(url).searchParams.get('c') !== uuid)
    throw new CallError(`${routeNames[route]}: eventUrl for another call: ${url}`);
  return url;
}

function expectEmpty(route: number, response: { status: number; text: string }, what: string): void {
  if (response.status !== 204) {
    throw new CallError(
      `${routeNames[route]} ${what} answered ${response.status} ${response.text.slice(0, 200)}`,
    );
  }
}

/**
 * Places one call against `origin`. `checkCallId` is false for the bare baseline, whose fixed
 * NCCOs carry the call id of the probe call they were copied from. `pause` runs before every
 * webhook after the answer (the caller listening, the shop's phone ringing).
 */
export async function placeCall(
  origin: string,
  uuid: string,
  timing: Timing,
  checkCallId = true,
  pause: Pause = noPause,
): Promise<CallResult> {
  const own = checkCallId ? uuid : '';
  const conversation = `CON-${uuid}`;
  const common = { uuid, conversation_uuid: conversation, from: caller, to: demoNumber };
  const query = new URLSearchParams({ ...common, region_url: 'https://api-ap-3.vonage.com' });

  const answer = nccoOf(0, await send(`${origin}/vonage/answer?${query}`, 0, timing));
  const menu = answer.at(-1);
  if (menu?.action !== 'input')
    throw new CallError(`answer did not end with the menu: ${JSON.stringify(menu)}`);
  const inputUrl = eventUrl(0, menu, '/vonage/input', own);

  const input = nccoOf(
    1,
    await send(
      inputUrl,
      1,
      timing,
      {
        ...common,
        dtmf: { digits: '2', timed_out: false },
        speech: { results: [] },
        timestamp: new Date().toISOString(),
      },
      pause,
    ),
  );
  const connect = input.find((a) => a.action === 'connect');
  const endpoint = (connect?.endpoint as Array<{ number?: string }> | undefined)?.[0]?.number;
  if (endpoint !== shopNumber)
    throw new CallError(`input did not transfer to the shop: ${JSON.stringify(input)}`);
  const connectUrl = eventUrl(1, connect, '/vonage/connect', own);

  const leg = { uuid: `${uuid}-leg1`, conversation_uuid: conversation, from: demoNumber, to: shopNumber };
  for (const status of ['started', 'ringing', 'answered', 'completed']) {
    const body = {
      ...leg,
      direction: 'outbound',
      status,
      timestamp: new Date().toISOString(),
      ...(status === 'completed' ? { duration: '60' } : {}),
    };
    // Synchronous connect: a 200 NCCO here would replace the bridge; a good leg answers nothing.
    expectEmpty(2, await send(connectUrl, 2, timing, body, pause), `leg ${status}`);
  }

  const hangup = {
    ...common,
    status: 'completed',
    direction: 'inbound',
    timestamp: new Date().toISOString(),
    duration: '75',
    rate: '0.01',
    price: '0.0125',
  };
  expectEmpty(3, await send(`${origin}/vonage/event`, 3, timing, hangup, pause), 'completed');
  return { answer, input };
}
