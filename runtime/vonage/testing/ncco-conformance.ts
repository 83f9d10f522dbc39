/**
 * Independent NCCO conformance check for tests (reference §8.2), three layers, each catching a
 * different class of bug:
 *  (a) strict-ncco.schema.json — generated from @vonage/voice's NCCO types plus the reviewed
 *      overlay in ../strict-ncco.ts; additionalProperties false, so typos (`bargein`) fail;
 *  (b) Vonage's own 2021 NCCO schema (vonage-ncco-schema-2021.json, draft-04, vendored from
 *      Nexmo/api-specification json-schemas/ncco-schema.json at commit feaf316, MIT, see the
 *      LICENSE file beside it), per action for talk, stream, record, connect and conversation
 *      only: it encodes ranges and patterns the TS types lack (text ≤ 1500, endOnSilence 3–10,
 *      digits-only numbers, ^https?:// event URLs). Its stale rules are adapted below;
 *  (c) runtime rules no schema expresses (runtime-rules.ts).
 * Validators are compiled once, on first use: HTTP tests call this on every NCCO they receive.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import { runtimeRuleProblems } from './runtime-rules.ts';
import strictSchema from './strict-ncco.schema.json' with { type: 'json' };
import vonage2021Schema from './vonage-ncco-schema-2021.json' with { type: 'json' };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The 2021 schema's action definitions still worth applying (its input is the pre-2020 form). */
const checkedBy2021 = ['talk', 'stream', 'record', 'connect', 'conversation'] as const;
/** Endpoint types the 2021 schema defines. */
const endpointsIn2021 = ['phone', 'websocket', 'sip'] as const;

/**
 * Allow-list for the 2021 schema's stale rules. Each entry rewrites a copy of the action so the
 * rule's outdated part does not fire while everything else it checks still does; the strict
 * schema (a) keeps checking the current form.
 */
export const stale2021Rules: ReadonlyArray<{ rule: string; why: string; adapt: (action: Json) => Json }> = [
  {
    rule: 'record.format enum [mp3, wav]',
    why: 'current docs and @vonage/voice RecordingFormat add ogg',
    adapt: (a) => (a.action === 'record' && a.format === 'ogg' ? { ...a, format: 'mp3' } : a),
  },
  {
    rule: 'conversation.musicOnHoldUrl is a string',
    why: 'every current docs example, @vonage/voice and the Python SDK use a one-URL array',
    adapt: (a) =>
      a.action === 'conversation' && Array.isArray(a.musicOnHoldUrl)
        ? { ...a, musicOnHoldUrl: a.musicOnHoldUrl[0] }
        : a,
  },
  {
    rule: 'connect endpoint is phone | websocket | sip',
    why: 'app and vbc endpoints were added later (current docs, @vonage/voice AppEndpoint/VBCEndpoint)',
    adapt: (a) =>
      a.action === 'connect' && Array.isArray(a.endpoint)
        ? {
            ...a,
            endpoint: a.endpoint.filter((e) => isObject(e) && endpointsIn2021.some((t) => t === e.type)),
          }
        : a,
  },
  {
    rule: 'talk.language enum (2021 list)',
    why: 'Vonage has added TTS languages since 2021: a well-formed tag (ll-RR, like ja-JP or en-GB-WLS) outside the old list is not an error; a misspelt one (ja-jp) still is',
    adapt: (a) =>
      a.action === 'talk' &&
      typeof a.language === 'string' &&
      /^[a-z]{2,3}(-[A-Z]{2,3})+$/.test(a.language) &&
      !languages2021().has(a.language)
        ? { ...a, language: 'en-US' }
        : a,
  },
];

interface Compiled {
  strict: Map<string, ValidateFunction>;
  vonage2021: Map<string, ValidateFunction>;
}
let compiled: Compiled | undefined;
let languages: Set<string> | undefined;

function languages2021(): Set<string> {
  languages ??= new Set(vonage2021Schema.definitions.languages.enum);
  return languages;
}

/** One validator per action name, read from the schemas themselves (no hand-kept map). */
function compile(): Compiled {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addSchema(strictSchema, 'strict');
  const strict = new Map<string, ValidateFunction>();
  const definitions: Record<string, unknown> = strictSchema.definitions;
  for (const [name, definition] of Object.entries(definitions)) {
    const properties = isObject(definition) ? definition.properties : undefined;
    const action = isObject(properties) ? properties.action : undefined;
    if (isObject(action) && typeof action.const === 'string') {
      strict.set(action.const, ajv.getSchema(`strict#/definitions/${name}`)!);
    }
  }
  // The 2021 file uses format "uri" next to its own ^https?:// patterns; a parseable URL is enough.
  const ajv04 = new Ajv04({
    allErrors: true,
    strict: false,
    formats: { uri: (s: string) => URL.canParse(s) },
  });
  ajv04.addSchema(vonage2021Schema, 'vonage2021');
  const vonage2021 = new Map<string, ValidateFunction>();
  for (const action of checkedBy2021) {
    vonage2021.set(action, ajv04.getSchema(`vonage2021#/definitions/ncco-${action}`)!);
  }
  for (const type of endpointsIn2021) {
    vonage2021.set(`endpoint:${type}`, ajv04.getSchema(`vonage2021#/definitions/endpoint-${type}`)!);
  }
  compiled = { strict, vonage2021 };
  return compiled;
}

function describe(
  errors: ErrorObject[] | null | undefined,
  index: number,
  source: string,
  prefix = '',
): string[] {
  return (errors ?? []).map((e) => {
    const detail =
      isObject(e.params) && typeof e.params.additionalProperty === 'string'
        ? ` (${e.params.additionalProperty})`
        : '';
    return `/${index}${prefix}${e.instancePath}: ${e.message ?? e.keyword}${detail} [${source}]`;
  });
}

/**
 * The 2021 check of one action. A connect's endpoints are checked one by one against the
 * definition of their own type: the schema's `oneOf` over all endpoint types would report every
 * branch's mismatch for one wrong field.
 */
function check2021(
  old: ValidateFunction,
  all: Map<string, ValidateFunction>,
  action: Json,
  i: number,
): string[] {
  const adapted = stale2021Rules.reduce((a, r) => r.adapt(a), action);
  const endpoints =
    adapted.action === 'connect' && Array.isArray(adapted.endpoint) ? adapted.endpoint : undefined;
  const problems: string[] = [];
  if (!old(endpoints ? { ...adapted, endpoint: [] } : adapted)) {
    problems.push(...describe(old.errors, i, 'Vonage 2021 schema'));
  }
  endpoints?.forEach((endpoint: unknown, e) => {
    const validate = isObject(endpoint) ? all.get(`endpoint:${String(endpoint.type)}`) : undefined;
    if (validate && !validate(endpoint)) {
      problems.push(...describe(validate.errors, i, 'Vonage 2021 schema', `/endpoint/${e}`));
    }
  });
  return problems;
}

/** Every problem found in an NCCO, as readable lines; [] means it conforms. */
export function nccoProblems(ncco: unknown): string[] {
  const { strict, vonage2021 } = compile();
  const problems: string[] = [];
  if (Array.isArray(ncco)) {
    ncco.forEach((action, i) => {
      if (!isObject(action)) {
        problems.push(`/${i}: an NCCO action must be a JSON object`);
        return;
      }
      const name = typeof action.action === 'string' ? action.action : '';
      const validate = strict.get(name);
      if (!validate) {
        problems.push(`/${i}/action: unknown NCCO action ${JSON.stringify(action.action)}`);
        return;
      }
      if (!validate(action)) problems.push(...describe(validate.errors, i, 'strict schema'));
      const old = vonage2021.get(name);
      if (old) problems.push(...check2021(old, vonage2021, action, i));
    });
  }
  problems.push(...runtimeRuleProblems(ncco));
  return problems;
}
