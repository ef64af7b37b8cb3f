/**
 * Tarjan's strongly connected components over a graph in compressed form (node i's successors are
 * `targets[start[i]] … targets[start[i + 1] - 1]`), with an explicit stack instead of recursion: a 20,000-issue
 * chain must not overflow the call stack. Components are numbered in the order they close, downstream first;
 * `topological` lists nodes upstream first (components in reverse). Used by the plan and the forecast.
 */
export function stronglyConnectedComponents(
  n: number,
  start: Int32Array,
  targets: Int32Array,
): { component: Int32Array; topological: Int32Array } {
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const closed: number[] = [];
  const open: number[] = [];
  const frames: number[] = []; // the explicit call stack
  const nextEdge = new Int32Array(n); // per node: its next outgoing edge to look at
  let visited = 0;
  let components = 0;

  const enter = (node: number) => {
    order[node] = low[node] = visited++;
    nextEdge[node] = start[node]!;
    open.push(node);
    frames.push(node);
  };

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (frames.length > 0) {
      const node = frames[frames.length - 1]!;
      if (nextEdge[node]! < start[node + 1]!) {
        const neighbor = targets[nextEdge[node]!++]!;
        if (order[neighbor] === -1) enter(neighbor);
        else if (component[neighbor] === -1) low[node] = Math.min(low[node]!, order[neighbor]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[node]!);
      if (low[node] === order[node]) {
        let member: number;
        do {
          member = open.pop()!;
          component[member] = components;
          closed.push(member);
        } while (member !== node);
        components++;
      }
    }
  }
  return { component, topological: Int32Array.from(closed).reverse() };
}
