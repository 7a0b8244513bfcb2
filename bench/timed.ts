/** How long some work took, in milliseconds, and what it gave. */
export function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}
