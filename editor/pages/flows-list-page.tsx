/** Placeholder until the flows list lands. */
export function FlowsListPage() {
  return <p>通話フロー一覧 (準備中)</p>;
}
