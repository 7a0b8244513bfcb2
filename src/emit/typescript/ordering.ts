/** Orders texts by code unit: the same on every machine and in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The values of a map, sorted by key. */
export function sortedByKey<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, value]) => value);
}
