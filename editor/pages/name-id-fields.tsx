/**
 * Name and id of a new flow or schedule. The id follows the name (as an ASCII slug) until the
 * person edits it, so most people never think about ids; the id's problem is shown live.
 */
import { useTranslation } from 'react-i18next';
import { type IdProblem, idProblem, suggestId } from '../model/pages-flow-files.ts';
import { Field } from './field.tsx';

export interface NameId {
  name: string;
  id: string;
  /** True once the person typed an id: it no longer follows the name. */
  idEdited: boolean;
}

export function initialNameId(name: string, taken: ReadonlySet<string>, fallback: string): NameId {
  return { name, id: suggestId(name, taken, fallback), idEdited: false };
}

/** The problems that block submitting; `attempted` adds the "empty" ones after a first try. */
export function nameIdProblems(
  value: NameId,
  taken: ReadonlySet<string>,
  attempted: boolean,
): { name?: 'required'; id?: IdProblem } {
  const id = idProblem(value.id, taken);
  return {
    ...(attempted && value.name.trim() === '' ? { name: 'required' as const } : {}),
    ...(id && (attempted || id !== 'empty') ? { id } : {}),
  };
}

export function isNameIdValid(value: NameId, taken: ReadonlySet<string>): boolean {
  return value.name.trim() !== '' && idProblem(value.id, taken) === undefined;
}

export interface NameIdFieldsProps {
  value: NameId;
  onChange: (value: NameId) => void;
  taken: ReadonlySet<string>;
  attempted: boolean;
  fallbackId: string;
  labels: { name: string; nameHelp: string; id: string; idHelp: string };
}

export function NameIdFields({ value, onChange, taken, attempted, fallbackId, labels }: NameIdFieldsProps) {
  const { t } = useTranslation('pages');
  const problems = nameIdProblems(value, taken, attempted);
  return (
    <>
      <Field
        label={labels.name}
        help={labels.nameHelp}
        error={problems.name ? t('flows.nameRequired') : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            data-autofocus
            required
            maxLength={100}
            value={value.name}
            onChange={(event) => {
              const name = event.target.value;
              onChange(
                value.idEdited
                  ? { ...value, name }
                  : { ...value, name, id: suggestId(name, taken, fallbackId) },
              );
            }}
          />
        )}
      </Field>
      <Field
        label={labels.id}
        help={labels.idHelp}
        error={problems.id ? t(`flows.idProblems.${problems.id}`) : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="mono"
            required
            maxLength={64}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={value.id}
            onChange={(event) => onChange({ ...value, id: event.target.value, idEdited: true })}
          />
        )}
      </Field>
    </>
  );
}
