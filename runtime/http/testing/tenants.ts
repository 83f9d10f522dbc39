/**
 * Test-only: customer companies on one test app, each a workspace with an owner (an admin API
 * token and a password) and a full set of data made the way a customer makes it — through the
 * API (schedule, channel, flow published, number, contacts by form and by CSV, an invitation,
 * a retention period) and live calls placed by the Vonage emulator (voicemail with transcript,
 * a stored recording, a notification, the call log's summary). Every text a company writes
 * carries an ASCII tag (`bzq…`), so a test can search any answer — even a Shift_JIS CSV — for
 * anything of theirs.
 */
import { parsePhone } from '../../../schema/phone.ts';
import { hashToken } from '../../auth/secrets.ts';
import { createApiToken, createMember } from '../../auth/testing/accounts.ts';
import { baseUrl, type TestApp } from './test-app.ts';
import { VonageEmulator } from './vonage-emulator.ts';

export interface Tenant {
  workspaceId: string;
  ownerId: string;
  ownerEmail: string;
  /** The owner's admin API token, and its id. */
  token: string;
  tokenId: string;
  /** An /api request as this company's owner (token). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** The ids a company's data has: what a test puts into URLs and bodies. */
export interface TenantIds {
  workspace: string;
  flow: string;
  schedule: string;
  /** E.164. */
  number: string;
  channel: string;
  contact: string;
  /** The first contact's number (E.164), who also calls. */
  contactNumber: string;
  /** The voicemail call and the record step that recorded it. */
  call: string;
  node: string;
  user: string;
  invitation: string;
  token: string;
}

export interface TenantData {
  ids: TenantIds;
  /** Texts and numbers nobody outside the company was ever given: none may appear in an answer. */
  secrets: string[];
}

export async function createTenant(app: TestApp, tag: string): Promise<Tenant> {
  const now = app.deps.clock();
  const workspace = await app.store.accounts.workspaces.create(
    `${tag.toUpperCase()}社 ${tag}zqworkspace`,
    now.toISOString(),
  );
  const ownerEmail = `${tag}zqowner@${tag}.test`;
  const owner = await createMember(app.store, now, ownerEmail, 'owner', workspace.id);
  const token = await createApiToken(app.store, now, {
    createdBy: owner.id,
    scopes: ['admin'],
    workspaceId: workspace.id,
    name: `${tag}zqtokenname`,
  });
  return {
    workspaceId: workspace.id,
    ownerId: owner.id,
    ownerEmail,
    token,
    tokenId: `tok-${hashToken(token).slice(0, 12)}`,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return app.anonymous(path, { ...init, headers });
    },
  };
}

async function ok(response: Promise<Response>, what: string): Promise<Record<string, unknown>> {
  const answer = await response;
  const text = await answer.text();
  if (answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${text}`);
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * Fills a company's workspace through its owner's API token and two live calls. `digits` makes
 * its phone numbers (a two-digit block no other company uses). Calls are placed on Tuesday
 * 2026-11-24 (the hours are open) — the app's clock is left there.
 */
export async function populate(
  app: TestApp,
  tenant: Tenant,
  tag: string,
  digits: string,
  drain: () => Promise<void>,
): Promise<TenantData> {
  const t = (name: string) => `${tag}zq${name}`;
  const ids = {
    workspace: tenant.workspaceId,
    flow: `${tag}-reception`,
    schedule: `${tag}-hours`,
    number: `+8150${digits}990001`,
    channel: `${tag}-staff`,
    contactNumber: `+8190${digits}770001`,
    node: 'voicemail',
    user: tenant.ownerId,
    token: tenant.tokenId,
  };
  const secretCaller = `+8190${digits}770002`;
  const importedNumber = `+8180${digits}660003`;
  const { request } = tenant;

  await ok(
    request(
      `/api/schedules/${ids.schedule}`,
      json('PUT', {
        schemaVersion: 1,
        id: ids.schedule,
        name: `営業時間 ${t('schedulename')}`,
        weekly: { tue: [{ from: '09:00', to: '18:00' }] },
        closedOnPublicHolidays: true,
      }),
    ),
    'schedule',
  );
  await ok(
    request(
      `/api/channels/${ids.channel}`,
      json('PUT', {
        name: `スタッフ通知 ${t('channelname')}`,
        type: 'webhook',
        settings: { url: `https://hooks.example/${t('channelurl')}`, secret: t('channelsecret') },
      }),
    ),
    'channel',
  );
  const flow = {
    schemaVersion: 1,
    id: ids.flow,
    name: `受付 ${t('flowname')}`,
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start: 'welcome',
    nodes: [
      {
        id: 'welcome',
        kind: 'say',
        params: { text: `お電話ありがとうございます ${t('greeting')}` },
        next: { next: 'hours' },
      },
      {
        id: 'hours',
        kind: 'hours',
        params: { schedule: ids.schedule },
        next: { open: 'voicemail', closed: 'bye' },
      },
      {
        id: 'voicemail',
        kind: 'record',
        params: {
          prompt: 'ご用件をどうぞ',
          beep: true,
          maxSeconds: 60,
          endOnSilenceSeconds: 5,
          endOnKey: '#',
          transcribe: true,
        },
        next: { done: 'notify' },
      },
      {
        id: 'notify',
        kind: 'notify',
        params: { channel: ids.channel, message: `留守番電話 ${t('notifytext')}: {{voicemail.transcript}}` },
        next: { next: 'bye' },
      },
      { id: 'bye', kind: 'hangup', params: {}, next: {} },
    ],
  };
  await ok(request('/api/flows', json('POST', flow)), 'flow');
  await ok(
    request(`/api/flows/${ids.flow}/publish`, json('POST', { comment: t('publishcomment') })),
    'publish',
  );
  await ok(
    request(
      `/api/numbers/${encodeURIComponent(ids.number)}`,
      json('PUT', { flowId: ids.flow, label: `代表 ${t('numberlabel')}`, lines: 5 }),
    ),
    'number',
  );
  const contact = await ok(
    request(
      '/api/contacts',
      json('POST', {
        name: `星野 ${t('contactname')}`,
        company: `取引先 ${t('company')}`,
        numbers: [ids.contactNumber],
        notes: t('contactnotes'),
        tags: [t('tag')],
      }),
    ),
    'contact',
  );
  const csv = `名前,電話番号\n取込 ${t('importedname')},${importedNumber}\n`;
  await ok(
    request('/api/contacts/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }),
    'import',
  );
  const invitation = await ok(
    request(
      '/api/workspace/invitations',
      json('POST', { email: `${t('invitee')}@${tag}.test`, role: 'viewer' }),
    ),
    'invitation',
  );
  await ok(request('/api/history/retention', json('PUT', { months: 18 })), 'retention');

  app.setTime('2026-11-24T12:00:00+09:00');
  const emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
  const vonage = (e164: string) => e164.slice(1);
  const voicemail = await emulator.placeCall({
    from: vonage(ids.contactNumber),
    to: vonage(ids.number),
    script: [{ record: `予約の件です ${t('transcript')}`, seconds: 12 }],
  });
  app.setTime('2026-11-24T12:10:00+09:00');
  const other = await emulator.placeCall({
    from: vonage(secretCaller),
    to: vonage(ids.number),
    script: [{ record: `別件です ${t('othertranscript')}`, seconds: 8 }],
  });
  await drain();

  // As people read them (090-1277-0002) and as digits (09012770002).
  const national = (e164: string) => parsePhone(e164)?.national ?? e164;
  const domestic = (e164: string) => `0${e164.slice(3)}`;
  return {
    ids: {
      ...ids,
      contact: String(contact.id),
      call: voicemail.uuid,
      invitation: String((invitation.invitation as { id: string }).id),
    },
    secrets: [
      ...[
        'workspace',
        'owner',
        'tokenname',
        'schedulename',
        'channelname',
        'channelurl',
        'channelsecret',
      ].map(t),
      ...[
        'flowname',
        'greeting',
        'notifytext',
        'publishcomment',
        'numberlabel',
        'contactname',
        'company',
      ].map(t),
      ...['contactnotes', 'tag', 'importedname', 'invitee', 'transcript', 'othertranscript'].map(t),
      // The second caller and the imported contact: digits as E.164, Vonage and domestic forms.
      ...[secretCaller, importedNumber].flatMap((n) => [n.slice(1), national(n), domestic(n)]),
      other.uuid,
      // The stored recording's bytes name the file ("audio of /v1/files/rec-<call>").
      `rec-${voicemail.uuid}`,
    ],
  };
}
