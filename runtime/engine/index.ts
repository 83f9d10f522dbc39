/**
 * runtime/engine — the pure call interpreter shared by every driver (Vonage webhooks, the
 * simulator, the editor). May import: `import type` from schema/, the pure helpers of schema/
 * (kinds, phone, sms-text, template, time-window) and small pure libraries (holiday data,
 * phone numbers). Must not import: react, hono, kysely, ajv, node:*, the DOM; no Date.now or
 * Math.random — time arrives in every event.
 */
export { startCall, step } from './engine.ts';
export { japaneseHoliday } from './holidays.ts';
export { localParts } from './local-time.ts';
export { hoursOn, type OpenStatus, openStatus } from './schedule.ts';
export type * from './types.ts';
