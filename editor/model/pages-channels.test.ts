/**
 * The channel form against the runtime's own rules: every kind and secret the runtime knows is
 * offered, a filled-in form saves settings the runtime accepts, every problem it reports lands
 * next to a field the person can see, secrets are never put back into the form, and the page
 * says plainly how sending to a channel has gone and which flows use it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { channelTypes, secretFields } from '../../runtime/effects/channels/types.ts';
import { validateChannelSettings } from '../../runtime/effects/channels/validate-settings.ts';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ChannelHealth, ChannelInfo } from '../api/client.ts';
import {
  type ChannelForm,
  changeKind,
  channelSave,
  channelUses,
  emptyChannelForm,
  formFromChannel,
  healthView,
  placeIssues,
} from './pages-channels.ts';
import { type ChannelKind, channelFields, channelKinds, secretFieldNames } from './pages-channels-kinds.ts';

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

/** What a person pastes into each kind's form (around the pasted text, the stray spaces copying adds). */
const filledIn: Record<ChannelKind, Record<string, string | boolean | string[]>> = {
  slack: { webhookUrl: ' https://hooks.slack.com/services/T0/B0/abc ' },
  teams: { webhookUrl: 'https://prod-01.japaneast.logic.azure.com/workflows/1/triggers/manual' },
  'google-chat': { webhookUrl: 'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t' },
  chatwork: { apiToken: 'abcdef0123456789', roomId: '123456789', apiBaseUrl: '' },
  'line-works': {
    clientId: 'cid',
    clientSecret: 'csecret',
    serviceAccount: 'abc.serviceaccount@example',
    privateKey: `${privateKey}\n`,
    botId: '1234567',
    channelId: 'ch-1234',
    authUrl: '',
    apiBaseUrl: '',
  },
  email: {
    to: ['staff@example.jp', '', '受付 <desk@example.jp>'],
    from: 'flowcall <info@example.jp>',
    host: 'smtp.example.jp',
    port: '587',
    secure: false,
    user: 'info@example.jp',
    password: 'pass',
  },
  webhook: { url: 'https://example.jp/hook', secret: '0123456789abcdef' },
};

const form = (kind: ChannelKind, values = filledIn[kind]): ChannelForm => ({
  ...emptyChannelForm(kind),
  name: ' 受付 ',
  values: { ...emptyChannelForm(kind).values, ...values },
});

const health = (h: Partial<ChannelHealth> = {}): ChannelHealth => ({
  status: 'unknown',
  consecutiveFailures: 0,
  lastError: null,
  lastErrorAt: null,
  lastSuccessAt: null,
  ...h,
});

const stored = (c: Partial<ChannelInfo>): ChannelInfo => ({
  id: 'staff',
  name: 'スタッフ',
  type: 'slack',
  settings: {},
  secretsSet: [],
  health: health(),
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
  ...c,
});

describe('the channel kinds', () => {
  it('are the runtime’s, with the same fields kept secret', () => {
    expect([...channelKinds]).toEqual([...channelTypes]);
    for (const kind of channelKinds)
      expect(secretFieldNames(kind).sort()).toEqual([...secretFields[kind]].sort());
  });
});

describe('saving a channel', () => {
  it('sends settings the runtime accepts for a form filled in by hand, per kind', () => {
    for (const kind of channelKinds) {
      const { input } = channelSave(form(kind));
      expect(input.name).toBe('受付');
      expect({ kind, issues: validateChannelSettings(kind, input.settings) }).toEqual({ kind, issues: [] });
    }
    expect(channelSave(form('email')).input.settings).toMatchObject({
      port: 587,
      secure: false,
      to: ['staff@example.jp', '受付 <desk@example.jp>'],
    });
  });

  it('puts every problem of an empty form next to a field the form shows', () => {
    for (const kind of channelKinds) {
      const empty = emptyChannelForm(kind);
      const { input, toInputs } = channelSave(empty);
      const issues = validateChannelSettings(kind, input.settings);
      const placed = placeIssues(issues, empty, toInputs);
      expect({ kind, general: placed.general }).toEqual({ kind, general: [] });
      expect(Object.keys(placed.fields).length).toBeGreaterThan(0);
      for (const field of Object.keys(placed.fields))
        expect(channelFields[kind].map((f) => f.name)).toContain(field);
    }
  });

  it('shows a bad address under its own input even when blank inputs before it were not sent', () => {
    const typed = form('email', { ...filledIn.email, to: ['', 'staff@example.jp', 'not an address'] });
    const { input, toInputs } = channelSave(typed);
    const placed = placeIssues(validateChannelSettings('email', input.settings), typed, toInputs);
    expect(placed.items).toEqual({ 2: ['宛先 2 はメールアドレスではありません。'] });
  });

  it('sends a port that is not a number as typed, so the problem is reported at the port', () => {
    const typed = form('email', { ...filledIn.email, port: '五八七' });
    const { input, toInputs } = channelSave(typed);
    const placed = placeIssues(validateChannelSettings('email', input.settings), typed, toInputs);
    expect(Object.keys(placed.fields)).toEqual(['port']);
  });

  it('places the name and kind problems the API adds, and anything unknown in the general list', () => {
    const placed = placeIssues(
      [
        { path: '/name', message: '名前を入力' },
        { path: '/type', message: '種類' },
        { path: '/colour', message: '不明な設定項目' },
      ],
      form('slack'),
      [],
    );
    expect(placed).toEqual({
      fields: { name: ['名前を入力'], type: ['種類'] },
      items: {},
      general: ['不明な設定項目'],
    });
  });
});

describe('editing a stored channel', () => {
  it('starts from its settings with the secrets empty, and a save without retyping leaves them out', () => {
    const channel = stored({
      type: 'email',
      settings: {
        host: 'smtp.example.jp',
        port: 465,
        secure: true,
        user: 'u',
        from: 'a@example.jp',
        to: ['x@example.jp'],
      },
      secretsSet: ['password'],
    });
    const edited = formFromChannel(channel);
    expect(edited.values).toMatchObject({
      host: 'smtp.example.jp',
      port: '465',
      secure: true,
      to: ['x@example.jp'],
    });
    expect(edited.values.password).toBe('');
    expect(channelSave(edited).input.settings).not.toHaveProperty('password');
  });

  it('starts afresh when the kind changes, and keeps the form when it does not', () => {
    const slack = form('slack');
    expect(changeKind(slack, 'slack')).toBe(slack);
    expect(changeKind(slack, 'webhook').values).toEqual({ url: '', secret: '' });
  });
});

describe('how sending to a channel has gone', () => {
  it('flags a channel that keeps failing with its last error and time', () => {
    const failing = stored({
      secretsSet: ['webhookUrl'],
      health: health({ status: 'failing', consecutiveFailures: 3, lastError: 'HTTP 500', lastErrorAt: 'T3' }),
    });
    expect(healthView(failing)).toEqual({
      state: 'failing',
      failures: 3,
      lastError: 'HTTP 500',
      lastErrorAt: 'T3',
    });
  });

  it('tells a recent failure, a placeholder never set up, a working and an untried channel apart', () => {
    const set = { secretsSet: ['webhookUrl'] };
    expect(
      healthView(
        stored({ ...set, health: health({ status: 'ok', consecutiveFailures: 1, lastError: 'HTTP 503' }) }),
      ),
    ).toMatchObject({ state: 'recent-failure', failures: 1 });
    expect(healthView(stored({}))).toEqual({ state: 'unconfigured' });
    expect(healthView(stored({ ...set, health: health({ status: 'ok', lastSuccessAt: 'T1' }) }))).toEqual({
      state: 'ok',
      lastSuccessAt: 'T1',
    });
    expect(healthView(stored(set))).toEqual({ state: 'untested' });
  });
});

describe('flows that use a channel', () => {
  const flow = (id: string, nodes: unknown[], extra: object = {}) => ({
    id,
    name: `フロー ${id}`,
    draft: { id, name: `フロー ${id}`, nodes, ...extra } as unknown as FlowDocument,
  });
  it('names the notify steps (by label, else id) and the after-call summary', () => {
    const flows = [
      flow('a', [
        { id: 'n1', kind: 'notify', label: '受付に通知', params: { channel: 'staff', message: 'x' } },
        { id: 'n2', kind: 'notify', params: { channel: 'staff', message: 'x' } },
        { id: 'n3', kind: 'notify', params: { channel: 'other', message: 'x' } },
      ]),
      flow('b', [{ id: 's', kind: 'say', params: { text: 'x' } }], {
        afterCallSummary: { channel: 'staff' },
      }),
      flow('c', [{ id: 'n', kind: 'notify', params: { channel: 'other', message: 'x' } }]),
    ];
    expect(channelUses(flows, 'staff')).toEqual([
      { flowId: 'a', flowName: 'フロー a', steps: ['受付に通知', 'n2'], summary: false },
      { flowId: 'b', flowName: 'フロー b', steps: [], summary: true },
    ]);
  });
});
