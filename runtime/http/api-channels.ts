/**
 * /api/channels: the workspace's notification channels. Secrets are write-only: an answer shows
 * the non-secret settings and the names of the secrets that are set (`secretsSet`), never a
 * value. A PUT that leaves a secret out (or empty) keeps the stored one, so the channels page can
 * save a name change without asking for the webhook URL again. (ChannelRecord holds no secret
 * value at all, so answering with it cannot leak one.)
 */
import { Hono } from 'hono';
import { type ChannelType, channelTypes, secretFields } from '../effects/channels/types.ts';
import { deliverToChannel, testMessage } from '../effects/notify-sender.ts';
import type { Store } from '../store/types.ts';
import type { AuthEnv } from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';
import { objectBody } from './hardening-bodies.ts';
import { HttpError } from './http-error.ts';
import { workspaceStore } from './workspace-store.ts';

/** Same shape as flow ids (schema $defs/slug): flows name channels by it. */
const slug = /^[a-z0-9][a-z0-9-]{0,63}$/;
const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

type SettingIssue = { path: string; message: string };

function parseBody(
  b: Record<string, unknown>,
): { name: string; type: ChannelType; settings: Record<string, unknown> } | SettingIssue[] {
  const issues: SettingIssue[] = [];
  if (typeof b.name !== 'string' || b.name.trim() === '' || b.name.length > 100)
    issues.push({ path: '/name', message: '名前を100文字以内で入力してください' });
  if (!channelTypes.includes(b.type as ChannelType))
    issues.push({ path: '/type', message: `種類は ${channelTypes.join(', ')} のいずれかです` });
  const settings = b.settings ?? {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
    issues.push({ path: '/settings', message: '設定はオブジェクトで指定してください' });
  if (issues.length > 0) return issues;
  return {
    name: (b.name as string).trim(),
    type: b.type as ChannelType,
    settings: settings as Record<string, unknown>,
  };
}

/**
 * How a call's staff notifications went, for the call detail: pending (not tried yet, e.g. a
 * summary waiting for its transcript), retrying, sent or failed (given up).
 */
export async function callNotifications(store: Store, callId: string) {
  const items = await store.outbox.list({ callId });
  return items
    .filter((item) => item.kind === 'notify' || item.kind === 'summary')
    .map((item) => ({
      kind: item.kind,
      channel: typeof item.payload.channel === 'string' ? item.payload.channel : null,
      status:
        item.status === 'done'
          ? 'sent'
          : item.status === 'dead'
            ? 'failed'
            : item.attempts > 0
              ? 'retrying'
              : 'pending',
      attempts: item.attempts,
      lastError: item.lastError,
      sentAt: item.status === 'done' ? item.updatedAt : null,
      nextAttemptAt: item.status === 'pending' ? item.nextAttemptAt : null,
    }));
}

export function channelRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const channelId = (raw: string) => {
    if (!slug.test(raw))
      throw new HttpError(422, 'a channel id is lowercase letters, digits and "-" (at most 64)');
    return raw;
  };

  app.get('/', async (c) => c.json(await workspaceStore(c, deps).channels.list()));

  app.get('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const channel = await store.channels.get(c.req.param('id'));
    if (!channel) throw new HttpError(404, 'no such channel');
    return c.json(channel);
  });

  app.put('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const id = channelId(c.req.param('id'));
    const parsed = parseBody(await objectBody(c));
    if (Array.isArray(parsed)) return c.json({ error: 'the channel has errors', issues: parsed }, 422);
    const existing = await store.channels.get(id);
    const settings = { ...parsed.settings };
    // Omitted or empty secrets keep the stored ones; a changed type starts afresh (other fields).
    if (existing?.type === parsed.type && existing.secretsSet.length > 0) {
      const stored = (await store.channels.reveal(id))?.settings as Record<string, unknown> | undefined;
      for (const field of secretFields[parsed.type] as readonly string[]) {
        if (!isSet(settings[field]) && isSet(stored?.[field])) settings[field] = stored?.[field];
      }
    }
    const issues = deps.validateChannelSettings?.(parsed.type, settings) ?? [];
    if (issues.length > 0) return c.json({ error: 'the channel settings have errors', issues }, 422);
    const saved = await store.channels.put({ id, name: parsed.name, type: parsed.type, settings });
    return c.json(saved, existing ? 200 : 201);
  });

  app.delete('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    if (!(await store.channels.delete(c.req.param('id')))) throw new HttpError(404, 'no such channel');
    return c.body(null, 204);
  });

  app.post('/:id/test', async (c) => {
    const store = workspaceStore(c, deps);
    const send = deps.sendToChannel;
    if (!send) return c.json({ ok: false, error: 'sending to channels is not set up on this server' }, 503);
    const channel = await store.channels.reveal(c.req.param('id'));
    if (!channel) throw new HttpError(404, 'no such channel');
    try {
      await deliverToChannel(
        {
          store,
          send,
          clock: deps.clock,
          ...(deps.validateChannelSettings ? { validate: deps.validateChannelSettings } : {}),
        },
        channel,
        testMessage(channel, deps.clock()),
      );
      return c.json({ ok: true });
    } catch (error) {
      // deliverToChannel already took the channel's secrets out of the message.
      return c.json({ ok: false, error: error instanceof Error ? error.message : String(error) }, 502);
    }
  });

  return app;
}
