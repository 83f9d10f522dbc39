/**
 * Structural validation with one shared Ajv 2020-12 instance: the JSON Schemas are the contract,
 * and Ajv's errors are turned into Issues with plain messages and JSON pointers.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import flowSchema from './flow.schema.json' with { type: 'json' };
import flowTestSchema from './flow-test.schema.json' with { type: 'json' };
import { type Issue, type IssueCode, pointerSegment } from './issue.ts';
import scheduleSchema from './schedule.schema.json' with { type: 'json' };

let ajv: Ajv2020 | undefined;
const sharedAjv = () => {
  ajv ??= new Ajv2020({ allErrors: true, discriminator: true, strict: false });
  return ajv;
};
const compiled = new Map<string, ValidateFunction>();

export type SchemaName = 'flow' | 'schedule' | 'flow-test';
const schemas = { flow: flowSchema, schedule: scheduleSchema, 'flow-test': flowTestSchema } as const;

function validatorFor(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = sharedAjv().compile(schemas[name]);
    compiled.set(name, fn);
  }
  return fn;
}

/** Ajv structure check of a document against one of our schemas. */
export function checkStructure(name: SchemaName, doc: unknown): Issue[] {
  const validate = validatorFor(name);
  if (validate(doc)) return [];
  return issuesFromAjv(validate.errors ?? []);
}

/**
 * A checker for another document's schema (an API request body) on the same Ajv instance, with
 * the same plain messages and JSON pointers. Compiled on first use, then kept.
 */
export function compileChecker(schema: Record<string, unknown>): (doc: unknown) => Issue[] {
  let validate: ValidateFunction | undefined;
  return (doc) => {
    validate ??= sharedAjv().compile(schema);
    return validate(doc) ? [] : issuesFromAjv(validate.errors ?? []);
  };
}

function issuesFromAjv(errors: ErrorObject[]): Issue[] {
  // An anyOf that failed reports its own children too; one message per place is enough.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && anyOfPaths.has(error.instancePath)) continue;
    if (error.keyword === 'oneOf' || error.keyword === 'if') continue;
    // A bad key under propertyNames is reported once, by the propertyNames error itself.
    if (error.propertyName !== undefined) continue;
    const issue = issueFromAjv(error);
    const key = `${issue.code}${issue.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function issueFromAjv(error: ErrorObject): Issue {
  const at = error.instancePath;
  const p = error.params as Record<string, unknown>;
  const field = at.split('/').pop() ?? '';
  const made = (code: IssueCode, path: string, message: string): Issue => ({
    code,
    severity: 'error',
    path,
    message,
  });
  switch (error.keyword) {
    case 'required':
      return made(
        'missing-field',
        `${at}/${pointerSegment(String(p.missingProperty))}`,
        `"${p.missingProperty}" is required here`,
      );
    case 'additionalProperties':
      // `next` only holds ports, so an unknown key there is a port the step does not have.
      if (/^\/nodes\/\d+\/next$/.test(at))
        return made(
          'bad-port',
          `${at}/${pointerSegment(String(p.additionalProperty))}`,
          `"${p.additionalProperty}" is not a port of this step`,
        );
      return made(
        'unknown-field',
        `${at}/${pointerSegment(String(p.additionalProperty))}`,
        `"${p.additionalProperty}" is not a known field here`,
      );
    case 'unevaluatedProperties':
      return made(
        'unknown-field',
        `${at}/${pointerSegment(String(p.unevaluatedProperty))}`,
        `"${p.unevaluatedProperty}" is not a known field here`,
      );
    case 'discriminator':
      if (p.error === 'mapping')
        return made('unknown-kind', `${at}/kind`, `unknown step kind "${String(p.tagValue)}"`);
      return made('missing-field', `${at}/kind`, 'every step needs a "kind"');
    case 'propertyNames':
      return made(
        'bad-port',
        `${at}/${pointerSegment(String(p.propertyName))}`,
        `"${p.propertyName}" is not a port of this step`,
      );
    case 'type':
      if (at === '') return made('wrong-type', at, `the document must be a JSON ${String(p.type)}`);
      return made('wrong-type', at, `"${field}" must be ${withArticle(String(p.type))}`);
    case 'const':
      if (at === '/schemaVersion')
        return made('schema-version', at, 'unsupported schemaVersion: this version of flowcall reads 1');
      return made('bad-value', at, `"${field}" must be ${JSON.stringify(p.allowedValue)}`);
    case 'enum':
      return made(
        'bad-value',
        at,
        `"${field}" must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      );
    case 'minLength':
      return made(
        'too-short',
        at,
        p.limit === 1 ? `"${field}" must not be empty` : `"${field}" needs at least ${p.limit} characters`,
      );
    case 'maxLength':
      return made('too-long', at, `"${field}" must be at most ${p.limit} characters`);
    case 'minItems':
      return made('too-few', at, `"${field}" needs at least ${p.limit} item(s)`);
    case 'maxProperties':
      if (p.limit === 0 && /^\/nodes\/\d+\/next$/.test(at))
        return made('too-many', at, 'a hang-up step has no ports: remove what "next" lists');
      return made('too-many', at, `"${field}" allows at most ${p.limit}`);
    case 'maxItems':
      return made('too-many', at, `"${field}" allows at most ${p.limit}`);
    case 'minimum':
    case 'maximum':
      return made('bad-value', at, `"${field}" must be ${p.comparison} ${p.limit}`);
    case 'pattern':
      return made('bad-value', at, `"${field}" is not in the expected format`);
    case 'anyOf':
      return made('bad-value', at, `"${field}" is not a valid value here`);
    default:
      return made('bad-value', at, `"${field}" ${error.message ?? 'is not valid'}`);
  }
}

function withArticle(type: string): string {
  if (type === 'array' || type === 'object' || type === 'integer') return `an ${type}`;
  return `a ${type}`;
}
