/** Placeholder until the numbers page lands. */
export function NumbersPage() {
  return <p>電話番号 (準備中)</p>;
}
