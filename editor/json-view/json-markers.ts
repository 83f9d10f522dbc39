/**
 * Markers for what validateFlow finds in the JSON text: each issue's JSON pointer becomes a text
 * range (model/inspector-json-pointer.ts), its message the same plain words as the problems list.
 * Monaco's own JSON service marks syntax and schema errors; these add the flow language's rules
 * (ports that lead nowhere, unknown variables…), which no JSON Schema can express.
 */
import type { TFunction } from 'i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import type { Lang } from '../model/inspector-issue-text.ts';
import { indexPointers, locatePointer, markerRange } from '../model/inspector-json-pointer.ts';
import { formatIssue } from '../problems/issue-message.ts';
import type { editor, Monaco } from './monaco-setup.ts';

export const markerOwner = 'flowcall';

export function issueMarkers(
  monaco: Monaco,
  model: editor.ITextModel,
  doc: FlowDocument,
  issues: readonly Issue[],
  lang: Lang,
  t: TFunction,
): editor.IMarkerData[] {
  const text = model.getValue();
  const index = indexPointers(text);
  return issues.flatMap((issue) => {
    const located = locatePointer(text, issue.path, index);
    if (!located) return [];
    const { start, end } = markerRange(text, located);
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(end);
    return [
      {
        severity: issue.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: formatIssue(issue, doc, lang, t),
        source: 'flowcall',
        code: issue.code,
        startLineNumber: from.lineNumber,
        startColumn: from.column,
        endLineNumber: to.lineNumber,
        endColumn: to.column,
      },
    ];
  });
}
