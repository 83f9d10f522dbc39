/**
 * runtime/vonage — the Vonage Voice API driver's pure half (ARCHITECTURE §5): it turns engine
 * actions into NCCO, Vonage webhook payloads into engine events, and checks signed webhooks.
 * runtime/http (the Hono app) does the I/O and calls these functions.
 *
 * - ncco.ts          renderNcco (one engine turn → NCCO), fallbackNcco, busyNcco, unknownNumberNcco
 * - callback-url.ts  absolute per-action callback URLs (?c=<call>&n=<node>&s=<turn>), E.164 → Vonage digits
 * - payloads.ts      tolerant webhook parsers (answer, input, record, transcription, events) and
 *                    connectOutcome (a connect leg's status → the engine's transfer outcome)
 * - signature.ts     verifySignedWebhook (HS256 JWT, iss, iat freshness, payload_hash), payloadTextForGet
 * - strict-ncco.ts   the NCCO as strict plain-JSON types derived from @vonage/voice, plus a reviewed overlay
 * - testing/         test-only: nccoProblems (strict schema + Vonage's 2021 schema + runtime rules)
 *
 * Imports allowed here: runtime/engine (types), schema/, @vonage/*, node:crypto. Never hono,
 * kysely, react or the store: these functions take everything they need as arguments (the clock
 * too) and keep no state. testing/ may also use Ajv and read its JSON schemas.
 */
export type { CallbackRoute, CallbackTurn } from './callback-url.ts';
export { callbackUrl, normaliseBaseUrl, vonageNumber } from './callback-url.ts';
export type { FallbackOptions, Ncco, RenderContext } from './ncco.ts';
export { busyNcco, fallbackNcco, messages, renderNcco, unknownNumberNcco } from './ncco.ts';
export type {
  AnswerPayload,
  CallEventPayload,
  CallStatus,
  ConnectOutcome,
  Parsed,
  RecordPayload,
  TranscriptionPayload,
} from './payloads.ts';
export {
  callStatuses,
  connectOutcome,
  parseAnswer,
  parseCallEvent,
  parseInput,
  parseRecord,
  parseTranscription,
} from './payloads.ts';
export type { SignatureVerdict, SignedWebhook } from './signature.ts';
export { payloadTextForGet, verifySignedWebhook } from './signature.ts';
export type { StrictNcco, StrictNccoAction } from './strict-ncco.ts';
