/**
 * Signed recording links: a valid link streams the file through the Vonage seam (here a fake
 * that answers bytes); an expired, forged or re-pointed link is refused with 403.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedCall } from '../effects/testing/notify-fixtures.ts';
import { recordingLinks } from './recording-links.ts';
import { baseUrl, type TestApp, testApp } from './testing/test-app.ts';

const audio = Buffer.from('ID3 fake mp3 bytes 録音', 'utf8');
let app: TestApp;
let fetched: string[];
let vonageDown: boolean;

beforeEach(async () => {
  fetched = [];
  vonageDown = false;
  const links = recordingLinks({
    secretKey: randomBytes(32),
    publicBaseUrl: baseUrl,
    ttlSeconds: 3600,
    clock: () => app.deps.clock(),
  });
  app = await testApp({
    // The API token guards /api; a recording link must work without it.
    config: { apiToken: 'api-token' },
    deps: {
      recordingLinks: links,
      fetchRecording: async (url) => {
        fetched.push(url);
        if (vonageDown) throw new Error('recording download answered 503');
        return new Response(audio, {
          headers: { 'content-type': 'audio/mpeg', 'content-length': String(audio.length) },
        });
      },
    },
  });
  await seedCall(app.store);
});
afterEach(() => app.close());

const link = (nodeId = 'vm') => app.deps.recordingLinks?.link('CALL-1', nodeId) ?? '';
const open = (url: string) => app.fetch(url, {});

describe('recording links', () => {
  it('streams the recording from Vonage for a valid link', async () => {
    const url = link();
    expect(url).toMatch(/^https:\/\/ivr\.flowcall\.test\/recordings\/CALL-1\/vm\?exp=\d+&sig=[\w-]+$/);
    const response = await open(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(audio)).toBe(true);
    expect(fetched).toEqual(['https://api.nexmo.com/v1/files/rec-1']);
  });

  it('refuses an expired link', async () => {
    const url = link();
    app.setTime('2026-11-24T13:00:01+09:00'); // one hour and a second later
    const response = await open(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('有効期限');
    expect(fetched).toEqual([]);
  });

  it('refuses forged links: another signature, a later expiry, another node or call, none at all', async () => {
    const url = new URL(link());
    const exp = url.searchParams.get('exp') ?? '';
    const sig = url.searchParams.get('sig') ?? '';
    const forged = [
      `/recordings/CALL-1/vm?exp=${exp}&sig=${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`,
      `/recordings/CALL-1/vm?exp=${Number(exp) + 86_400}&sig=${sig}`,
      `/recordings/CALL-1/menu?exp=${exp}&sig=${sig}`,
      `/recordings/CALL-2/vm?exp=${exp}&sig=${sig}`,
      '/recordings/CALL-1/vm',
      `/recordings/CALL-1/vm?exp=soon&sig=${sig}`,
    ];
    for (const path of forged) expect((await app.request(path)).status, path).toBe(403);
    expect(fetched).toEqual([]);
  });

  it('answers 404 for a step with no recording and 502 when Vonage fails', async () => {
    expect((await open(link('menu'))).status).toBe(404);
    vonageDown = true;
    const response = await open(link());
    expect(response.status).toBe(502);
    expect(app.logger.entries).toContainEqual(
      expect.objectContaining({ message: 'recording download failed' }),
    );
  });
});
