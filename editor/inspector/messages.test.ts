import { describe, expect, it } from 'vitest';
import { isNodeKind, kindInfo, nodeKinds } from '../../schema/kinds.ts';
import { builtInVariables } from '../../schema/template.ts';
import { commonNodeFields, flowFields, flowNotifyFields, paramFields } from '../model/inspector-schema.ts';
import { inspectorMessages } from './messages.ts';

const ja = inspectorMessages.ja;

describe('inspector messages', () => {
  it('give Japanese help only for fields the schema has', () => {
    const notify = flowNotifyFields();
    const names = new Set([
      ...flowFields().map((f) => f.name),
      notify.saveUnknownCallers.name,
      ...nodeKinds.flatMap((k) => [...paramFields(k), ...commonNodeFields(k)].map((f) => f.name)),
    ]);
    for (const [key, value] of Object.entries(ja.help)) {
      if (typeof value === 'string') expect(names.has(key), key).toBe(true);
      else if (key === 'afterCallSummary') {
        const fields = new Set(notify.summaryFields.map((f) => f.name));
        for (const field of Object.keys(value)) expect(fields.has(field), `${key}.${field}`).toBe(true);
      } else {
        expect(isNodeKind(key), key).toBe(true);
        const fields = new Set(paramFields(key as never).map((f) => f.name));
        for (const field of Object.keys(value)) expect(fields.has(field), `${key}.${field}`).toBe(true);
      }
    }
  });

  it('name every enum value and explain every variable, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const m = inspectorMessages[lang];
      for (const kind of nodeKinds)
        for (const field of paramFields(kind).filter((f) => f.widget === 'enum'))
          for (const value of field.values ?? [])
            expect(
              (m.values as Record<string, Record<string, string>>)[field.name]?.[value],
              `${lang} ${value}`,
            ).toBeTruthy();
      for (const name of builtInVariables) expect(m.variables.builtIn[name], `${lang} ${name}`).toBeTruthy();
      const saved = new Set(Object.values(kindInfo).flatMap((k) => [...k.saves]));
      for (const field of saved)
        expect((m.variables.field as Record<string, string>)[field], `${lang} ${field}`).toBeTruthy();
    }
  });
});
