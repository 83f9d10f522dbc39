/**
 * NCCO rules that no schema expresses (reference §1, §2 and the end of §8.2): event URLs must be
 * arrays of absolute http(s) URLs, bargeIn needs a following input, a connect takes one
 * endpoint, and a few documented field combinations. Test code: ncco-conformance.ts runs these
 * after the schema checks.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Vonage calls these from the internet: a relative or non-http URL is never reachable. */
function absoluteHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\/[^/?#\s]+/.test(value) && URL.canParse(value);
}

/** Every `eventUrl` in an action, nested ones included (transcription.eventUrl). */
function urlProblems(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      urlProblems(item, `${path}/${i}`, out);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const here = `${path}/${key}`;
    if (key === 'eventUrl' || key === 'streamUrl') {
      if (!Array.isArray(child)) out.push(`${here}: must be an array of URLs, even for one URL`);
      else if (child.length !== 1) out.push(`${here}: must hold exactly one URL (has ${child.length})`);
      for (const [i, url] of (Array.isArray(child) ? child : [child]).entries()) {
        if (!absoluteHttpUrl(url))
          out.push(`${here}/${i}: ${JSON.stringify(url)} is not an absolute http(s) URL`);
      }
    } else {
      urlProblems(child, here, out);
    }
  }
}

/**
 * bargeIn: true on talk/stream needs the next non-talk/stream action to be an input (reference
 * §1): otherwise a key press would skip ahead to nothing.
 */
function bargeInProblems(ncco: unknown[], out: string[]): void {
  ncco.forEach((action, i) => {
    if (!isObject(action) || action.bargeIn !== true) return;
    if (action.action !== 'talk' && action.action !== 'stream') return;
    const next = ncco
      .slice(i + 1)
      .find((a) => !isObject(a) || (a.action !== 'talk' && a.action !== 'stream'));
    if (!isObject(next) || next.action !== 'input') {
      out.push(`/${i}/bargeIn: true needs an input as the next non-talk/stream action`);
    }
  });
}

function actionProblems(action: Json, i: number, out: string[]): void {
  if (action.action === 'connect') {
    const endpoints = action.endpoint;
    if (Array.isArray(endpoints) && endpoints.length !== 1) {
      out.push(`/${i}/endpoint: a connect takes exactly one endpoint (has ${endpoints.length})`);
    }
    if (action.from !== undefined && action.randomFromNumber !== undefined) {
      out.push(`/${i}: from and randomFromNumber are mutually exclusive`);
    }
  }
  if (action.action === 'record' && action.channels !== undefined && action.split !== 'conversation') {
    out.push(`/${i}/channels: needs split: "conversation"`);
  }
  if (action.action === 'conversation' && action.mute === true && action.canSpeak !== undefined) {
    out.push(`/${i}/mute: cannot be combined with canSpeak`);
  }
}

/** Problems no schema can see; [] when none. */
export function runtimeRuleProblems(ncco: unknown): string[] {
  if (!Array.isArray(ncco)) return ['NCCO must be a JSON array'];
  if (ncco.length === 0) return ['NCCO must not be empty: Vonage fails the call'];
  const out: string[] = [];
  ncco.forEach((action, i) => {
    if (!isObject(action)) return;
    urlProblems(action, `/${i}`, out);
    actionProblems(action, i, out);
  });
  bargeInProblems(ncco, out);
  return out;
}
