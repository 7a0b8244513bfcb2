import type { JsonPath } from './json-path.js';

/**
 * How the value at a path is named in messages: `"window"`, `item 2 of
 * "caps"`, or `the document` for the root.
 */
export function describeSubject(path: JsonPath): string {
  const last = path.at(-1);
  if (last === undefined) return 'the document';
  if (typeof last === 'string') return JSON.stringify(last);
  const parent = path.at(-2);
  const item = `item ${last + 1}`;
  return typeof parent === 'string'
    ? `${item} of ${JSON.stringify(parent)}`
    : item;
}

/** Like `describeSubject`, but the root is `this Journey`. */
export function describeOwner(path: JsonPath, kind: string): string {
  return path.length === 0 ? `this ${kind}` : describeSubject(path);
}
