/**
 * Test-side helpers over loopback-http.ts: servers started in a test are closed after it, and
 * the one request a send should have made is checked for method, path and content type.
 */
import { afterEach, expect } from 'vitest';
import {
  type Handler,
  type LoopbackServer,
  type RecordedRequest,
  startLoopbackServer,
} from './loopback-http.ts';

/** Call at the top of a test file; returns `start(handler)`. */
export function loopbackServers(): (handler: Handler) => Promise<LoopbackServer> {
  const open: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startLoopbackServer(handler);
    open.push(server);
    return server;
  };
}

/** The server received exactly one POST, to `path`, of `contentType`; returns it. */
export function onlyPost(
  server: LoopbackServer,
  path: string,
  contentType = 'application/json; charset=utf-8',
): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0]!;
  expect(request.method).toBe('POST');
  expect(request.path).toBe(path);
  expect(request.headers['content-type']).toBe(contentType);
  return request;
}
