/**
 * Strongly connected components (Tarjan), iterative so a 5,000-step chain cannot overflow the call
 * stack. Linear in nodes + edges. Used for loops that never wait and for the variable dataflow,
 * which walks the components in topological order.
 */
export interface Components {
  /** Components in the order Tarjan closes them: every component comes after those it can reach. */
  components: number[][];
  /** Index into `components` for each node, or -1 when the node was not visited or not included. */
  componentOf: Int32Array;
}

/**
 * Components of the subgraph of included nodes reachable from `roots` (pass every node to cover
 * the whole graph). Edges to excluded nodes are ignored.
 */
export function stronglyConnectedComponents(
  successors: readonly (readonly number[])[],
  roots: Iterable<number>,
  include: (node: number) => boolean = () => true,
): Components {
  const count = successors.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const nextEdge = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const componentOf = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  const callStack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const enter = (node: number): void => {
    order[node] = counter;
    low[node] = counter;
    counter += 1;
    stack.push(node);
    onStack[node] = 1;
    callStack.push(node);
  };

  for (const root of roots) {
    if (root < 0 || root >= count || order[root] !== -1 || !include(root)) continue;
    enter(root);
    while (callStack.length > 0) {
      const node = callStack[callStack.length - 1]!;
      const edges = successors[node]!;
      const position = nextEdge[node]!;
      if (position < edges.length) {
        nextEdge[node] = position + 1;
        const target = edges[position]!;
        if (!include(target)) continue;
        if (order[target] === -1) enter(target);
        else if (onStack[target]) low[node] = Math.min(low[node]!, order[target]!);
        continue;
      }
      callStack.pop();
      if (low[node] === order[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          componentOf[member] = components.length;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
      const parent = callStack[callStack.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[node]!);
    }
  }
  return { components, componentOf };
}

/** Whether a component contains a cycle: more than one node, or a node with an edge to itself. */
export function isCyclic(component: readonly number[], successors: readonly (readonly number[])[]): boolean {
  if (component.length > 1) return true;
  const only = component[0];
  return only !== undefined && successors[only]!.includes(only);
}
