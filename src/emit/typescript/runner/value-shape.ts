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
 * Converts a JSON object by its shape. The result is made with
 * Object.fromEntries, so every name, even `__proto__`, is a plain property.
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
  const known = new Set(shape.properties.map(([name]) => name));
  for (const name of Object.keys(record)) {
    if (!known.has(name)) {
      problems.push({ path: join(path, name), message: 'not in the Model' });
    }
  }
  const entries = shape.properties.map(([name, property]) => {
    const written = Object.hasOwn(record, name) ? record[name] : undefined;
    if (written === undefined && property.kind !== 'optional') {
      problems.push({ path: join(path, name), message: 'missing' });
      return [name, null] as const;
    }
    const converted = convertValue(
      written,
      property,
      timeZone,
      join(path, name),
      problems,
    );
    return [name, converted] as const;
  });
  return Object.fromEntries(entries);
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

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function exhaustive(value: never): never {
  throw new Error(`unexpected shape: ${JSON.stringify(value)}`);
}
