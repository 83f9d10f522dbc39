/** What flows are validated against on the server: the stored schedules and known channels. */
import type { ValidationContext } from '../../schema/validate.ts';
import type { AppDeps } from './deps.ts';

export async function validationContext(deps: AppDeps): Promise<ValidationContext> {
  const schedules = await deps.store.schedules.all();
  return deps.channels ? { schedules, channels: deps.channels.map((c) => c.id) } : { schedules };
}
