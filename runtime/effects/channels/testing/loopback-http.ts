/**
 * A real HTTP server on 127.0.0.1 standing in for a chat provider in tests: it records every
 * request exactly as it arrived (method, path with query, headers, raw body) and answers what
 * the test's handler says — a status and body, or nothing at all (`hang`) to exercise timeouts.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/services/T0/B0/x". */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received, decoded as UTF-8. */
  body: string;
}

export type Reply = { status: number; body?: string | object; headers?: Record<string, string> } | 'hang';

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface LoopbackServer {
  /** http://127.0.0.1:<port> without a trailing slash. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      let reply: Reply;
      try {
        reply = await handler(request, requests.length - 1);
      } catch (error) {
        reply = { status: 599, body: `handler threw: ${String(error)}` };
      }
      if (reply === 'hang') return;
      const isText = typeof reply.body === 'string' || reply.body === undefined;
      res.writeHead(reply.status, {
        'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        ...reply.headers,
      });
      res.end(isText ? (reply.body ?? '') : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens: connections are refused at once. */
export async function refusedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
