import { assertNever } from '../support/assert-never.js';

/**
 * The types of the condition language. They come from the Model's member
 * attributes and event payloads, and from the functions of the language.
 *
 * Runtime values: string and enum are strings; integer, number and money are
 * numbers (money in SEK); boolean; date is the number of days since
 * 1970-01-01 (a calendar date, no time zone); datetime is epoch milliseconds;
 * duration is milliseconds; list is an array; object a plain object; an
 * absent optional value is null or undefined.
 *
 * A list of the Model may have a retention: its items are dated by one of
 * their datetime properties and kept for a number of days. Conditions skip
 * the items past it, and the engine drops them (see appendItem), so a list
 * that grows by events holds only what its retention keeps.
 */
export type Type =
  | { readonly kind: 'string' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'number' }
  | { readonly kind: 'money' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'date' }
  | { readonly kind: 'datetime' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | {
      readonly kind: 'list';
      readonly item: Type;
      readonly retention?: Retention;
    }
  | { readonly kind: 'object'; readonly properties: ReadonlyMap<string, Type> }
  | { readonly kind: 'optional'; readonly inner: Type }
  /** The type of an expression whose errors were already reported. */
  | { readonly kind: 'error' };

/** How long a list keeps its items (see Type). */
export interface Retention {
  /** The items' datetime property that dates them. */
  readonly by: string;
  /** Days of 24 hours an item is kept after its `by` time. */
  readonly days: number;
}

/** The kinds of types that carry no parameters. */
export type ScalarKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'money'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'duration';

export const scalarKinds: readonly ScalarKind[] = [
  'string',
  'integer',
  'number',
  'money',
  'boolean',
  'date',
  'datetime',
  'duration',
];

const scalars = new Map<ScalarKind, Type>(
  scalarKinds.map((kind) => [kind, { kind }]),
);

/** The shared instance of a scalar type. */
export function scalarType(kind: ScalarKind): Type {
  const type = scalars.get(kind);
  if (type === undefined) throw new Error(`not a scalar kind: ${kind}`);
  return type;
}

export const errorType: Type = { kind: 'error' };

/** An optional version of a type (optional of optional stays single). */
export function optionalType(inner: Type): Type {
  return inner.kind === 'optional' ? inner : { kind: 'optional', inner };
}

export function listType(item: Type, retention?: Retention): Type {
  return retention === undefined
    ? { kind: 'list', item }
    : { kind: 'list', item, retention };
}

/** The retention of a list type (optional or not), if it has one. */
export function retentionOf(type: Type | undefined): Retention | undefined {
  const list = type === undefined ? undefined : requiredType(type);
  return list?.kind === 'list' ? list.retention : undefined;
}

export function objectType(properties: ReadonlyMap<string, Type>): Type {
  return { kind: 'object', properties };
}

export function enumType(values: readonly string[]): Type {
  return { kind: 'enum', values };
}

/** The type without its optional wrapper. */
export function requiredType(type: Type): Type {
  return type.kind === 'optional' ? type.inner : type;
}

/**
 * How a type is written in messages: `date?`, `list<money>`, `enum(a, b)`;
 * an object names its properties: `object{at, amount}`.
 */
export function describeType(type: Type): string {
  return spellType(type, false);
}

/**
 * A type in full, nested properties and retention included:
 * `list<object{at: datetime}> kept 730 days by at`.
 */
export function describeTypeInFull(type: Type): string {
  return spellType(type, true);
}

function spellType(type: Type, full: boolean): string {
  switch (type.kind) {
    case 'enum':
      return `enum(${type.values.join(', ')})`;
    case 'list': {
      const list = `list<${spellType(type.item, full)}>`;
      const { retention } = type;
      return full && retention !== undefined
        ? `${list} kept ${retention.days} days by ${retention.by}`
        : list;
    }
    case 'object':
      return `object{${[...type.properties]
        .map(([name, property]) =>
          full ? `${name}: ${spellType(property, true)}` : name,
        )
        .join(', ')}}`;
    case 'optional':
      return `${spellType(type.inner, full)}?`;
    case 'error':
      return 'unknown';
    case 'string':
    case 'integer':
    case 'number':
    case 'money':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
      return type.kind;
    default:
      return assertNever(type);
  }
}
