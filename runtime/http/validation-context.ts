/** What flows are validated against on the server: the workspace's stored schedules and channels. */
import type { ValidationContext } from '../../schema/validate.ts';
import type { Store } from '../store/types.ts';

export async function validationContext(store: Store): Promise<ValidationContext> {
  const schedules = await store.schedules.all();
  const channels = (await store.channels.list()).map((c) => c.id);
  return { schedules, channels };
}
