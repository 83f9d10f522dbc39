/**
 * The page at / until the editor is served there: shows that the runtime is up, which numbers
 * answer with which flow, and how to try a call without a phone. Japanese first.
 */
import { defaultWorkspaceId } from '../store/workspace-scope.ts';
import type { AppDeps } from './deps.ts';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

export async function homePage(deps: AppDeps): Promise<string> {
  // The installation's own demo (default workspace): a public page never lists a customer's data.
  const own = deps.store.scoped(defaultWorkspaceId);
  const [flows, numbers] = await Promise.all([own.flows.list(), own.numbers.list()]);
  const names = new Map(flows.map((f) => [f.id, f.name]));
  const demo = numbers[0]?.number.replace('+', '') ?? '815012345678';
  const rows = numbers
    .map(
      (n) =>
        `<tr><td>${escapeHtml(n.number)}</td><td>${escapeHtml(n.label)}</td><td>${escapeHtml(n.flowId ? (names.get(n.flowId) ?? n.flowId) : '—')}</td><td>${n.lines}</td></tr>`,
    )
    .join('');
  const flowItems = flows
    .map(
      (f) =>
        `<li>${escapeHtml(f.name)} <code>${escapeHtml(f.id)}</code> — 公開版 / published: ${f.publishedVersion ?? '未公開 / none'}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>flowcall</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}code{background:#f3f3f3;padding:0 .2rem}</style>
</head><body>
<h1>flowcall</h1>
<p>電話の自動応答ランタイムが動いています。<br>The phone runtime is running.</p>
<h2>電話番号 / Numbers</h2>
<table><thead><tr><th>番号 / Number</th><th>名前 / Label</th><th>フロー / Flow</th><th>回線数 / Lines</th></tr></thead><tbody>${rows}</tbody></table>
<h2>フロー / Flows</h2><ul>${flowItems}</ul>
<h2>試してみる / Try it</h2>
<p>電話なしで着信を試せます / Try a call without a phone:</p>
<pre>curl '${escapeHtml(deps.config.publicBaseUrl)}/vonage/answer?to=${escapeHtml(demo)}&amp;from=819012345678&amp;uuid=try-1&amp;conversation_uuid=CON-try-1'</pre>
<p>API: <code>/api/flows</code>, <code>/api/numbers</code>, <code>/api/schedules</code>, <code>/api/calls</code>, <code>/api/simulate</code></p>
</body></html>`;
}
