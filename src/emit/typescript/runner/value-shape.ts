import type { TimeZone } from '../../../runtime/time-zone.js';
import {
  parseDate,
  parseDateTime,
  parseDuration,
} from '../../../runtime/values.js';

/*
 * Shipped with the generated trigger code (as runner/value-shape.ts): how
 * input read from JSON becomes the runtime form the engine and the compiled
 * conditions read.
 */

/** The kinds of values with no parameters. */
export type ScalarShapeKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'money'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'duration';

/** The type of a member attribute or event field, as the Model declares it. */
export type ValueShape =
  | { readonly kind: ScalarShapeKind }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly item: ValueShape }
  | ObjectShape
  | { readonly kind: 'optional'; readonly inner: ValueShape };

/** An object's properties, as name and shape pairs in Model order. */
export interface ObjectShape {
  readonly kind: 'object';
  readonly properties: readonly (readonly [string, ValueShape])[];
}

/** A value that does not fit its shape. */
export interface ValueProblem {
  /** Where in the record: `purchases[2].at`. */
  readonly path: string;
  readonly message: string;
}

/**
 * Converts a JSON value to its runtime form: a date (`2025-03-01`) to its
 * day number, a datetime (ISO 8601; local to `timeZone` without an offset)
 * to epoch milliseconds, a duration (`7d`) to milliseconds. Numbers are
 * taken as already converted. An absent optional value becomes null.
 * Problems are added to `problems`; the value is then null.
 */
export function convertValue(
  value: unknown,
  shape: ValueShape,
  timeZone: TimeZone,
  path: string,
  problems: ValueProblem[],
): unknown {
  const fail = (message: string): null => {
    problems.push({ path, message });
    return null;
  };
  switch (shape.kind) {
    case 'optional':
      return value === null || value === undefined
        ? null
        : convertValue(value, shape.inner, timeZone, path, problems);
    case 'string':
      return typeof value === 'string' ? value : fail('expected text');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('expected a boolean');
    case 'integer':
      return Number.isInteger(value) ? value : fail('expected a whole number');
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value)
        ? value
        : fail('expected a number');
    case 'date':
      return convertDate(value) ?? fail('expected a date such as 2025-03-01');
    case 'datetime':
      return (
        convertDateTime(value, timeZone) ??
        fail('expected a datetime such as 2025-03-01T09:00:00Z')
      );
    case 'duration':
      return convertDuration(value) ?? fail('expected a duration such as 7d');
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? value
        : fail(`expected one of ${shape.values.join(', ')}`);
    case 'list':
      return Array.isArray(value)
        ? value.map((item: unknown, index) =>
            convertValue(
              item,
              shape.item,
              timeZone,
              `${path}[${index}]`,
              problems,
            ),
          )
        : fail('expected a list');
    case 'object':
      return convertObject(value, shape, timeZone, path, problems);
    default:
      return exhaustive(shape);
  }
}

/**
 * Converts a JSON object by its shape. Every name, even `__proto__`, is a
 * plain property of the result.
 */
export function convertObject(
  value: unknown,
  shape: ObjectShape,
  timeZone: TimeZone,
  path: string,
  problems: ValueProblem[],
): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path, message: 'expected an object' });
    return null;
  }
  const record = value as Record<string, unknown>;
  const known = propertyNames(shape);
  for (const name of Object.keys(record)) {
    if (!known.has(name)) {
      problems.push({ path: join(path, name), message: 'not in the Model' });
    }
  }
  const converted: Record<string, unknown> = {};
  for (const [name, property] of shape.properties) {
    const written = Object.hasOwn(record, name) ? record[name] : undefined;
    const where = join(path, name);
    if (written === undefined && property.kind !== 'optional') {
      problems.push({ path: where, message: 'missing' });
      setProperty(converted, name, null);
    } else {
      const item = convertValue(written, property, timeZone, where, problems);
      setProperty(converted, name, item);
    }
  }
  return converted;
}

/** Sets a property as data, even one named `__proto__`. */
export function setProperty(
  target: Record<string, unknown>,
  name: string,
  value: unknown,
): void {
  if (name === '__proto__') {
    Object.defineProperty(target, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[name] = value;
  }
}

/** Each object shape's property names, made once: a run reads millions of objects. */
const namesOfShapes = new WeakMap<ObjectShape, ReadonlySet<string>>();

function propertyNames(shape: ObjectShape): ReadonlySet<string> {
  let names = namesOfShapes.get(shape);
  if (names === undefined) {
    names = new Set(shape.properties.map(([name]) => name));
    namesOfShapes.set(shape, names);
  }
  return names;
}

/** A day number, or a `YYYY-MM-DD` date. */
function convertDate(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value : undefined;
  }
  return typeof value === 'string' ? parseDate(value) : undefined;
}

/**
 * Epoch milliseconds, an ISO 8601 datetime, or a date alone (its local
 * midnight, as fixtures read it).
 */
export function convertDateTime(
  value: unknown,
  timeZone: TimeZone,
): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const day = parseDate(value);
  return day === undefined
    ? parseDateTime(value, timeZone)
    : timeZone.toEpoch(day, 0);
}

/** Milliseconds, or a duration such as `7d`. */
function convertDuration(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  return typeof value === 'string' ? parseDuration(value) : undefined;
}

/**
 * A deep copy of a JSON value (objects, lists, text, numbers, booleans,
 * null): for those, several times faster than structuredClone.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value))
    setProperty(copy, name, copyJson(item));
  return copy as T;
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function exhaustive(value: never): never {
  throw new Error(`unexpected shape: ${JSON.stringify(value)}`);
}
