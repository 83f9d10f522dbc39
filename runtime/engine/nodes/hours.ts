/** hours: open or closed now, by a named schedule in the flow's time zone. */
import type { KindHandler } from '../outcome.ts';
import { openStatus } from '../schedule.ts';

export const hoursNode: KindHandler<'hours'> = {
  enter(node, ctx) {
    const schedule = ctx.env.schedules?.[node.params.schedule];
    // A schedule deleted after publishing must not drop the call: closed is the safe answer.
    if (!schedule) return { port: 'closed' };
    const status = openStatus(schedule, ctx.at, ctx.flow.timezone);
    return { port: status?.open ? 'open' : 'closed' };
  },
};
