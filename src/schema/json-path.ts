/**
 * The path to a value inside a document: mapping keys and list indexes, from
 * the root. `['steps', 2, 'send']` is the `send` of the third step.
 */
export type JsonPath = readonly (string | number)[];

/**
 * The path that a JSON pointer (as in ajv's `instancePath`) names in `root`.
 * A segment becomes a number where it indexes a list, so that the path can
 * tell list items from mapping keys that look like numbers.
 */
export function pathOfPointer(pointer: string, root: unknown): JsonPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let value = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const step = Array.isArray(value) ? Number(segment) : segment;
    path.push(step);
    value = childValue(value, step);
  }
  return path;
}

/** The value at a path, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const step of path) value = childValue(value, step);
  return value;
}

function childValue(value: unknown, step: string | number): unknown {
  if (Array.isArray(value)) {
    return typeof step === 'number' ? (value[step] as unknown) : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.hasOwn(value, step)
      ? (value as Record<string, unknown>)[step]
      : undefined;
  }
  return undefined;
}

/** Compares two paths by their segments. */
export function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((step, index) => step === b[index]);
}
