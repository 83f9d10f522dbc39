/**
 * Staff phones a transfer rings: number (formatted and checked like every phone field) and who
 * answers there, up to five. How they ring (one by one or all at once) and for how long are the
 * transfer's own fields, drawn from the schema next to this list.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferNode } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { addDestination, removeDestination, setDestination } from '../model/inspector-edits.ts';
import { useEditor } from '../state/editor-store.ts';
import { FieldRow, IssueList, issuesAt } from './field-row.tsx';
import { PhoneInput } from './phone-field.tsx';

const maxDestinations = 5;

export function DestinationsEditor(props: {
  node: TransferNode;
  label: string;
  help: string;
  issues: readonly Issue[];
}) {
  const { t } = useTranslation('inspector');
  const { node } = props;
  // A draft may be structurally broken (imported, or from an older version): never crash on it.
  const list = Array.isArray(node.params?.destinations) ? node.params.destinations : [];
  const numberInputs = useRef<HTMLElement | null>(null);
  const [added, setAdded] = useState(false);
  const apply = useEditor((s) => s.apply);

  useEffect(() => {
    if (!added) return;
    numberInputs.current?.querySelector<HTMLInputElement>('li:last-child input[type="tel"]')?.focus();
    setAdded(false);
  }, [added]);

  const own = issuesAt(props.issues, '/params/destinations').filter(
    (i) => !/\/destinations\/\d+/.test(i.path),
  );
  return (
    <FieldRow group label={props.label} help={props.help} required issues={own}>
      {() => (
        <>
          <ol
            className="destinations"
            ref={(el) => {
              numberInputs.current = el;
            }}
          >
            {list.map((destination, index) => {
              const n = index + 1;
              const numberIssues = issuesAt(props.issues, `/params/destinations/${index}/number`);
              const rest = issuesAt(props.issues, `/params/destinations/${index}`).filter(
                (i) => !numberIssues.includes(i),
              );
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: destinations have no id; the position is what the user edits
                <li key={index} className="destination" aria-label={t('destinations.item', { n })}>
                  <div className="destination-row">
                    <span className="destination-n" aria-hidden="true">
                      {n}
                    </span>
                    <div className="destination-number">
                      <PhoneInput
                        control={{ id: `${node.id}-dest-${index}` }}
                        label={`${t('destinations.item', { n })}: ${t('destinations.number')}`}
                        value={destination.number}
                        reported={numberIssues.length > 0}
                        onChange={(value) =>
                          apply(
                            (f) => setDestination(f, node.id, index, 'number', value),
                            `destinations:${node.id}:${index}:number`,
                          )
                        }
                      />
                    </div>
                    <input
                      className="destination-name"
                      aria-label={`${t('destinations.item', { n })}: ${t('destinations.name')}`}
                      placeholder={t('destinations.namePlaceholder')}
                      value={destination.label ?? ''}
                      maxLength={40}
                      onChange={(e) =>
                        apply(
                          (f) => setDestination(f, node.id, index, 'label', e.target.value),
                          `destinations:${node.id}:${index}:label`,
                        )
                      }
                    />
                    <button
                      type="button"
                      className="icon-button danger"
                      aria-label={t('destinations.remove', { n })}
                      title={t('destinations.remove', { n })}
                      disabled={list.length <= 1}
                      onClick={() => apply((f) => removeDestination(f, node.id, index))}
                    >
                      ✕
                    </button>
                  </div>
                  <IssueList issues={[...numberIssues, ...rest]} />
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button small insp-add"
            disabled={list.length >= maxDestinations}
            onClick={() => {
              apply((f) => addDestination(f, node.id));
              setAdded(true);
            }}
          >
            ＋ {t('destinations.add')}
          </button>
        </>
      )}
    </FieldRow>
  );
}
