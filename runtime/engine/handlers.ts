/** The typed registry: one handler per node kind (a missing kind is a type error). */

import { hangupNode } from './nodes/hangup.ts';
import { hoursNode } from './nodes/hours.ts';
import { inputNode } from './nodes/input.ts';
import { menuNode } from './nodes/menu.ts';
import { notifyNode } from './nodes/notify.ts';
import { recordNode } from './nodes/record.ts';
import { sayNode } from './nodes/say.ts';
import { smsNode } from './nodes/sms.ts';
import { transferNode } from './nodes/transfer.ts';
import type { HandlerRegistry } from './outcome.ts';

export const handlers = {
  say: sayNode,
  menu: menuNode,
  input: inputNode,
  hours: hoursNode,
  sms: smsNode,
  record: recordNode,
  transfer: transferNode,
  notify: notifyNode,
  hangup: hangupNode,
} satisfies HandlerRegistry;
