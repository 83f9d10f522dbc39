/**
 * One small line icon per node kind, drawn inline (no icon font, no external asset, no emoji),
 * in the kind's colour via currentColor. Shared by the nodes and the palette.
 */
import type { ReactNode } from 'react';
import type { NodeKind } from '../../schema/kinds.ts';

const keypad = [4.5, 10, 15.5].flatMap((y) => [6, 12, 18].map((x) => [x, y] as const));

const shapes: Record<NodeKind, ReactNode> = {
  say: (
    <>
      <path d="M3.5 9h4l5-4v14l-5-4h-4z" />
      <path d="M16 8.5a5 5 0 0 1 0 7" />
      <path d="M18.8 5.8a9 9 0 0 1 0 12.4" />
    </>
  ),
  menu: (
    <>
      {keypad.map(([x, y]) => (
        <circle key={`${x}-${y}`} cx={x} cy={y} r="1.7" fill="currentColor" stroke="none" />
      ))}
      <circle cx="12" cy="21" r="1.7" fill="currentColor" stroke="none" />
    </>
  ),
  input: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6.5 10v4M10 10v4M13.5 10v4M17.5 9v6" />
    </>
  ),
  hours: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3.5 2" />
    </>
  ),
  sms: (
    <>
      <path d="M4 4.5h16a1 1 0 0 1 1 1V16a1 1 0 0 1-1 1h-9.5L5 21v-4H4a1 1 0 0 1-1-1V5.5a1 1 0 0 1 1-1z" />
      <path d="M7.5 9h9M7.5 12.5h6" />
    </>
  ),
  record: (
    <>
      <circle cx="6.5" cy="12" r="3.5" />
      <circle cx="17.5" cy="12" r="3.5" />
      <path d="M6.5 15.5h11" />
    </>
  ),
  transfer: (
    <>
      <path d="M5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 5.5 5.5l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 3 5.5a2 2 0 0 1 2-2z" />
      <path d="M15 3h6v6M21 3l-6 6" />
    </>
  ),
  notify: (
    <>
      <path d="M6 16v-5a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
    </>
  ),
  hangup: (
    <path d="M2.5 14c5.3-5.3 13.7-5.3 19 0l-2.6 2.6-3.6-1.5v-2.6a11.5 11.5 0 0 0-6.6 0v2.6l-3.6 1.5z" />
  ),
};

export function KindIcon(props: { kind: NodeKind; size?: number }) {
  const size = props.size ?? 18;
  return (
    <svg
      className="fc-kind-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[props.kind]}
    </svg>
  );
}
