/**
 * Saving a caller the contact book does not know (flows with `saveUnknownCallers`), off the
 * answer webhook's path: it is scheduled with setImmediate, so it runs after the NCCO has been
 * handed back, and a failure is logged, never thrown into a call. The log names the contact id,
 * not the caller's number.
 */
import { saveUnknownCaller } from '../../contacts/unknown-caller.ts';
import type { AppDeps } from '../deps.ts';

export function saveUnknownCallerLater(
  deps: Pick<AppDeps, 'store' | 'logger'>,
  from: string,
  flowName: string,
): void {
  setImmediate(() => {
    saveUnknownCaller(deps.store.contacts, from, flowName).then(
      (saved) => {
        if (saved) deps.logger.info('unknown caller saved as a contact', { contactId: saved.id });
      },
      (error: unknown) => deps.logger.error('could not save an unknown caller', { error: String(error) }),
    );
  });
}
