/** What flows are validated against on the server: the stored schedules and channels. */
import type { ValidationContext } from '../../schema/validate.ts';
import type { AppDeps } from './deps.ts';

export async function validationContext(deps: AppDeps): Promise<ValidationContext> {
  const schedules = await deps.store.schedules.all();
  const channels = (await deps.store.channels.list()).map((c) => c.id);
  return { schedules, channels };
}
