// Takes one from each queue in turn: [[a1, a2], [b1]] → [a1, b1, a2]. How workers share a batch
// fairly between accounts.
export function roundRobin<T>(queues: T[][]): T[] {
  const longest = Math.max(0, ...queues.map((queue) => queue.length));
  return Array.from({ length: longest }, (_, round) => queues.flatMap((queue) => (round < queue.length ? [queue[round]] : []))).flat();
}
