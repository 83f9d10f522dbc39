import { describe, expect, it } from 'vitest';
import { payloadTextForGet, verifySignedWebhook } from './signature.ts';
import { b64, signToken, vonageClaims } from './testing/sign-webhook.ts';

const secret = 'signature-secret-of-the-account';
const now = new Date('2026-04-01T03:00:00.000Z');
const nowSeconds = now.getTime() / 1000;
const body = '{"dtmf":{"digits":"1","timed_out":false},"uuid":"u1","conversation_uuid":"CON-1"}';

/** A token shaped like Vonage's (reference §5.1), signed here with HS256. */
const token = (claims: Record<string, unknown>, key = secret, header?: object) =>
  signToken(claims, key, header);
const claimsFor = (payload: string, overrides: Record<string, unknown> = {}) =>
  vonageClaims(payload, nowSeconds - 2, { jti: 'a1b2c3', ...overrides });

const verify = (authorization: string | undefined, payload = body) =>
  verifySignedWebhook({ authorization, payload, secret, now });

describe('verifySignedWebhook', () => {
  it('accepts a valid POST signature', () => {
    expect(verify(`Bearer ${token(claimsFor(body))}`)).toEqual({ ok: true });
  });

  it('accepts a GET signature over the JSON of the query parameters', () => {
    const url =
      'https://ivr.example.jp/vonage/answer?to=81312345678&from=819012345678&uuid=u1&conversation_uuid=CON-1';
    const payload = payloadTextForGet(url);
    expect(payload).toBe(
      '{"to":"81312345678","from":"819012345678","uuid":"u1","conversation_uuid":"CON-1"}',
    );
    expect(verify(`Bearer ${token(claimsFor(payload))}`, payload)).toEqual({ ok: true });
  });

  it('accepts a hash over the compact JSON when the body arrived pretty-printed', () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    expect(verify(`Bearer ${token(claimsFor(body))}`, pretty)).toEqual({ ok: true });
  });

  it('refuses a wrong secret', () => {
    expect(verify(`Bearer ${token(claimsFor(body), 'another-secret')}`)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
  });

  it('refuses a stale token and one from the future', () => {
    expect(verify(`Bearer ${token(claimsFor(body, { iat: nowSeconds - 301 }))}`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^stale token/),
    });
    expect(verify(`Bearer ${token(claimsFor(body, { iat: nowSeconds + 400 }))}`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/in the future$/),
    });
    // Inside the window both ways.
    expect(verify(`Bearer ${token(claimsFor(body, { iat: nowSeconds + 299 }))}`)).toEqual({ ok: true });
    const wide = verifySignedWebhook({
      authorization: `Bearer ${token(claimsFor(body, { iat: nowSeconds - 500 }))}`,
      payload: body,
      secret,
      now,
      maxAgeSeconds: 600,
    });
    expect(wide).toEqual({ ok: true });
  });

  it('refuses a missing or wrong issuer and a missing iat', () => {
    expect(verify(`Bearer ${token(claimsFor(body, { iss: undefined }))}`)).toEqual({
      ok: false,
      reason: 'issuer is not Vonage',
    });
    expect(verify(`Bearer ${token(claimsFor(body, { iss: 'Nexmo' }))}`)).toEqual({
      ok: false,
      reason: 'issuer is not Vonage',
    });
    expect(verify(`Bearer ${token(claimsFor(body, { iat: undefined }))}`)).toEqual({
      ok: false,
      reason: 'no iat',
    });
  });

  it('refuses a payload hash of another body, and a missing hash', () => {
    expect(verify(`Bearer ${token(claimsFor(body))}`, body.replace('"1"', '"9"'))).toEqual({
      ok: false,
      reason: 'payload_hash does not match',
    });
    expect(verify(`Bearer ${token(claimsFor(body, { payload_hash: undefined }))}`)).toEqual({
      ok: false,
      reason: 'no payload_hash',
    });
  });

  it('refuses a missing or malformed header, other algorithms and no secret', () => {
    expect(verify(undefined)).toEqual({ ok: false, reason: 'missing Authorization header' });
    expect(verify('')).toEqual({ ok: false, reason: 'missing Authorization header' });
    expect(verify(`Basic ${token(claimsFor(body))}`)).toEqual({
      ok: false,
      reason: 'Authorization is not a Bearer token',
    });
    expect(verify('Bearer not-a-jwt')).toEqual({ ok: false, reason: 'token is not HS256' });
    const none = `${b64({ alg: 'none' })}.${b64(claimsFor(body))}.`;
    expect(verify(`Bearer ${none}`)).toEqual({ ok: false, reason: 'token is not HS256' });
    const sneaky = token(claimsFor(body), secret, { alg: 'HS512', typ: 'JWT' });
    expect(verify(`Bearer ${sneaky}`)).toEqual({ ok: false, reason: 'token is not HS256' });
    expect(
      verifySignedWebhook({
        authorization: `Bearer ${token(claimsFor(body))}`,
        payload: body,
        secret: '',
        now,
      }),
    ).toEqual({ ok: false, reason: 'no signature secret configured' });
  });

  it('accepts a lower-case bearer scheme', () => {
    expect(verify(`bearer ${token(claimsFor(body))}`)).toEqual({ ok: true });
  });
});

describe('payloadTextForGet', () => {
  it('decodes values and keeps the order received', () => {
    expect(payloadTextForGet('https://x.jp/vonage/answer?b=2&a=%E3%81%82&c=a+b')).toBe(
      '{"b":"2","a":"あ","c":"a b"}',
    );
    expect(payloadTextForGet('https://x.jp/vonage/answer')).toBe('{}');
  });
});
