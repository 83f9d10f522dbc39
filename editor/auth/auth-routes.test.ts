import { describe, expect, it } from 'vitest';
import { afterLogin, gateView, loginHash, parseAuthRoute, safeNext, waitAmount } from './auth-routes.ts';

const q = (query: string) => new URLSearchParams(query);

describe('the auth screens’ routes', () => {
  it('reads the emailed links’ tokens and the login’s return path', () => {
    expect(parseAuthRoute('reset', q('token=abc'))).toEqual({ page: 'reset', token: 'abc' });
    expect(parseAuthRoute('invite', q('token=x-y_z'))).toEqual({ page: 'invite', token: 'x-y_z' });
    expect(parseAuthRoute('setup', q(''))).toEqual({ page: 'setup', token: '' });
    expect(parseAuthRoute('login', q('next=%2Fhistory%2Fcall-1'))).toEqual({
      page: 'login',
      next: '/history/call-1',
    });
    expect(parseAuthRoute('forgot', q(''))).toEqual({ page: 'forgot' });
    expect(parseAuthRoute('flows', q(''))).toBeUndefined();
  });

  it('returns only to a page of the editor, never to another site or back to the login', () => {
    expect(safeNext('/history')).toBe('/history');
    expect(safeNext('/invite?token=abc')).toBe('/invite?token=abc');
    expect(safeNext('//evil.example/')).toBeUndefined();
    expect(safeNext('https://evil.example/')).toBeUndefined();
    expect(safeNext('/\\evil.example')).toBeUndefined();
    expect(safeNext('/login?next=/login')).toBeUndefined();
    expect(safeNext('/reset?token=a')).toBeUndefined();
    expect(parseAuthRoute('login', q('next=https%3A%2F%2Fevil.example'))).toEqual({ page: 'login' });
  });

  it('remembers the interrupted page in the login link and goes back there', () => {
    expect(loginHash('#/history')).toBe('#/login?next=%2Fhistory');
    expect(loginHash('#/flows/sakura%20dental')).toBe('#/login?next=%2Fflows%2Fsakura%2520dental');
    expect(loginHash('')).toBe('#/login');
    expect(loginHash('#/')).toBe('#/login');
    const back = parseAuthRoute('login', q(loginHash('#/history').split('?')[1]!));
    expect(back?.page === 'login' && afterLogin(back)).toBe('/history');
    expect(afterLogin({})).toBe('/flows');
  });

  it('says a wait the way people do', () => {
    expect(waitAmount(0)).toEqual({ unit: 'seconds', count: 1 });
    expect(waitAmount(42.2)).toEqual({ unit: 'seconds', count: 43 });
    expect(waitAmount(60)).toEqual({ unit: 'minutes', count: 1 });
    expect(waitAmount(899)).toEqual({ unit: 'minutes', count: 15 });
  });
});

describe('the gate', () => {
  it('waits for the server before drawing anything', () => {
    expect(gateView('checking', undefined, '#/history')).toEqual({ show: 'checking' });
    expect(gateView('unreachable', { page: 'login' }, '#/login')).toEqual({ show: 'unreachable' });
  });

  it('sends someone logged out to the login, remembering the page', () => {
    expect(gateView('anonymous', undefined, '#/history')).toEqual({
      show: 'redirect',
      hash: '#/login?next=%2Fhistory',
    });
    expect(gateView('anonymous', { page: 'login', next: '/history' }, '#/login?next=%2Fhistory')).toEqual({
      show: 'auth',
    });
    expect(gateView('anonymous', { page: 'invite', token: 't' }, '#/invite?token=t')).toEqual({
      show: 'auth',
    });
  });

  it('moves a logged-in visit of the login or setup on, and shows invitations and resets as asked', () => {
    expect(gateView('in', { page: 'login', next: '/stats' }, '')).toEqual({
      show: 'redirect',
      hash: '#/stats',
    });
    expect(gateView('in', { page: 'login' }, '')).toEqual({ show: 'redirect', hash: '#/flows' });
    expect(gateView('in', { page: 'setup', token: 't' }, '')).toEqual({ show: 'redirect', hash: '#/flows' });
    expect(gateView('in', { page: 'invite', token: 't' }, '')).toEqual({ show: 'auth' });
    expect(gateView('in', { page: 'reset', token: 't' }, '')).toEqual({ show: 'auth' });
    expect(gateView('in', undefined, '#/flows')).toEqual({ show: 'app' });
  });
});
