/**
 * A small mark per kind of channel, so a list of them reads at a glance: the service's colour
 * with a letter (no logos — they are the services' trademarks and would be external assets), an
 * envelope for email, braces for a webhook. Decorative: the kind's name is always written next
 * to it.
 */
import type { ReactNode } from 'react';
import { type ChannelKind, isChannelKind } from '../model/pages-channels-kinds.ts';

const marks: Record<ChannelKind, ReactNode> = {
  slack: '#',
  teams: 'T',
  'google-chat': 'G',
  chatwork: 'C',
  'line-works': 'L',
  email: (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="3" y="5.5" width="18" height="13" rx="1.5" />
      <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
    </svg>
  ),
  webhook: '{ }',
};

export function ChannelIcon({ type }: { type: string }) {
  const kind = isChannelKind(type) ? type : undefined;
  return (
    <span className={`channel-icon channel-icon-${kind ?? 'unknown'}`} aria-hidden="true">
      {kind ? marks[kind] : '?'}
    </span>
  );
}
