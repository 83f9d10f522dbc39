/**
 * The inspector's forms are drawn from schema/flow.schema.json: this module turns the schema of a
 * node kind into a list of field specs (label, help text, limits, which input to show), and finds
 * the schema (and so the title) of any JSON pointer into a flow. One schema, so a field added to
 * the contract shows up in the editor without a second description of it.
 */
import flowSchema from '../../schema/flow.schema.json' with { type: 'json' };
import type { NodeKind } from '../../schema/kinds.ts';

export interface Schema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  discriminator?: { propertyName: string };
}

const root = flowSchema as unknown as Schema & { $defs: Record<string, Schema> };

export type FieldWidget =
  | 'template'
  | 'sms-text'
  | 'text'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'phone'
  | 'phone-or-const'
  | 'key'
  | 'schedule'
  | 'channel'
  | 'menu-options'
  | 'destinations';

export interface FieldSpec {
  name: string;
  /** JSON pointer below the node (or the flow for flow fields), e.g. `/params/text`. */
  path: string;
  title: Title;
  description: string;
  widget: FieldWidget;
  required: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  /** Allowed values of an enum. */
  values?: string[];
  /** The fixed alternative of a phone-or-const field (`caller`, `called-number`). */
  constValue?: string;
  /** The schema's `default`: what the runtime does when the field is left out. */
  defaultValue?: unknown;
}

export interface Title {
  ja: string;
  en: string;
}

/** Titles are written 「日本語 / English」; a title without the slash serves both languages. */
export function splitTitle(title: string | undefined): Title {
  if (!title) return { ja: '', en: '' };
  const at = title.indexOf(' / ');
  if (at < 0) return { ja: title, en: title };
  return { ja: title.slice(0, at).trim(), en: title.slice(at + 3).trim() };
}

/** Follows `$ref`s; the referring schema's own keywords (title, description…) win. */
export function resolve(schema: Schema): Schema {
  let merged: Schema = { ...schema };
  for (let depth = 0; merged.$ref && depth < 10; depth++) {
    const target = root.$defs[merged.$ref.replace('#/$defs/', '')];
    if (!target) break;
    const { $ref: _, ...own } = merged;
    merged = { ...target, ...own };
  }
  return merged;
}

const refName = (schema: Schema | undefined): string | undefined => schema?.$ref?.replace('#/$defs/', '');

/** The schema of a node of one kind, found through the `node` definition's oneOf. */
export function nodeSchema(kind: string): Schema | undefined {
  for (const option of root.$defs.node?.oneOf ?? []) {
    const def = resolve(option);
    if (def.properties?.kind?.const === kind) return def;
  }
  return undefined;
}

// Fields whose meaning the schema cannot tell from their type: they get pickers.
const specialWidgets: Record<string, FieldWidget> = {
  'hours.schedule': 'schedule',
  'notify.channel': 'channel',
  'afterCallSummary.channel': 'channel',
  'sms.text': 'sms-text',
};

function widgetOf(kind: string, name: string, raw: Schema, schema: Schema): FieldWidget {
  const special = specialWidgets[`${kind}.${name}`];
  if (special) return special;
  const ref = refName(raw);
  if (ref === 'template') return 'template';
  if (ref === 'phoneNumber') return 'phone';
  if (schema.anyOf?.some((s) => refName(s) === 'phoneNumber')) return 'phone-or-const';
  if (schema.enum) return 'enum';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'array') {
    const items = refName(schema.items);
    if (items === 'menuOption') return 'menu-options';
    if (items === 'transferDestination') return 'destinations';
  }
  if (schema.pattern === '^[0-9*#]$') return 'key';
  return 'text';
}

function spec(kind: string, name: string, raw: Schema, required: boolean, prefix: string): FieldSpec {
  const schema = resolve(raw);
  const field: FieldSpec = {
    name,
    path: `${prefix}/${name}`,
    title: splitTitle(schema.title),
    description: schema.description ?? '',
    widget: widgetOf(kind, name, raw, schema),
    required,
  };
  const constant = schema.anyOf?.find((s) => typeof s.const === 'string')?.const;
  if (typeof constant === 'string') field.constValue = constant;
  if (schema.enum) field.values = schema.enum.map(String);
  if (schema.default !== undefined) field.defaultValue = schema.default;
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'maxItems', 'pattern'] as const) {
    if (schema[key] !== undefined) (field as unknown as Record<string, unknown>)[key] = schema[key];
  }
  return field;
}

/** The params of a node kind as form fields, in the schema's order. */
export function paramFields(kind: NodeKind): FieldSpec[] {
  const params = resolve(nodeSchema(kind)?.properties?.params ?? {});
  const required = new Set(params.required ?? []);
  return Object.entries(params.properties ?? {}).map(([name, raw]) =>
    spec(kind, name, raw, required.has(name), '/params'),
  );
}

/** id, label and note: the fields every node has. */
export function commonNodeFields(kind: NodeKind): FieldSpec[] {
  const props = nodeSchema(kind)?.properties ?? {};
  return (['id', 'label', 'note'] as const).flatMap((name) =>
    props[name] ? [spec(kind, name, props[name], name === 'id', '')] : [],
  );
}

/** The flow's own settings shown when nothing is selected. */
export function flowFields(): FieldSpec[] {
  const required = new Set(root.required ?? []);
  return (['name', 'description', 'language', 'timezone', 'start'] as const).map((name) =>
    spec('flow', name, root.properties![name]!, required.has(name), ''),
  );
}

/**
 * The flow's notification settings: the after-call summary (the object, and its fields under
 * /afterCallSummary — `afterCallSummary` is their kind for help texts) and saving unknown callers.
 */
export function flowNotifyFields(): {
  summary: FieldSpec;
  summaryFields: FieldSpec[];
  saveUnknownCallers: FieldSpec;
} {
  const props = root.properties!;
  const summary = resolve(props.afterCallSummary!);
  const required = new Set(summary.required ?? []);
  return {
    summary: spec('flow', 'afterCallSummary', props.afterCallSummary!, false, ''),
    summaryFields: Object.entries(summary.properties ?? {}).map(([name, raw]) =>
      spec('afterCallSummary', name, raw, required.has(name), '/afterCallSummary'),
    ),
    saveUnknownCallers: spec('flow', 'saveUnknownCallers', props.saveUnknownCallers!, false, ''),
  };
}

/**
 * The schema at a JSON pointer into a flow document. Under /nodes/N the node's kind picks the
 * branch of the oneOf, as Ajv's discriminator does.
 */
export function schemaAt(flow: unknown, pointer: string): Schema | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let schema: Schema | undefined = root;
  let value: unknown = flow;
  for (const segment of segments) {
    if (!schema) return undefined;
    let s = resolve(schema);
    if (s.oneOf && s.discriminator && isRecord(value)) {
      const picked = nodeSchema(String(value[s.discriminator.propertyName]));
      if (!picked) return undefined;
      s = picked;
    }
    if (s.properties && Object.hasOwn(s.properties, segment)) schema = s.properties[segment];
    else if (s.items && /^\d+$/.test(segment)) schema = s.items;
    else if (typeof s.additionalProperties === 'object') schema = s.additionalProperties;
    else return undefined;
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return schema ? resolve(schema) : undefined;
}

/** The title of the nearest field at or above a pointer that has one (array items have none). */
export function titleAt(flow: unknown, pointer: string): Title | undefined {
  let path = pointer;
  while (path !== '') {
    const title = schemaAt(flow, path)?.title;
    if (title && !/^\/nodes\/\d+$/.test(path)) return splitTitle(title);
    path = path.slice(0, path.lastIndexOf('/'));
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the pointer names a phone number field (its format errors are phone errors). */
export function isPhoneAt(flow: unknown, pointer: string): boolean {
  const pattern = root.$defs.phoneNumber?.pattern;
  const schema = schemaAt(flow, pointer);
  return (
    pattern !== undefined &&
    (schema?.pattern === pattern || !!schema?.anyOf?.some((s) => resolve(s).pattern === pattern))
  );
}
