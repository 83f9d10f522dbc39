/** Placeholder until the flow page lands. */
export function FlowPage(props: { flowId: string }) {
  return <p>フロー {props.flowId} (準備中)</p>;
}
