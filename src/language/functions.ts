import type { ScalarKind } from './types.js';

/*
 * The built-in functions of the condition language: their signatures, for
 * the type checker and the messages, and one line of documentation each.
 * How each compiles is in compiler.ts; docs/language.md lists them all.
 */

/**
 * What a parameter accepts: a scalar type (an integer is accepted where a
 * number is expected), or a form of the type variable T, bound by the first
 * argument that matches it.
 * - `T`: any value that is present.
 * - `T?`: any value, possibly absent; T is its present type.
 * - `list<T>`: a list; T is its item type.
 */
export type ParameterPattern = ScalarKind | 'T' | 'T?' | 'list<T>';

/** One parameter of a signature. */
export interface Parameter {
  readonly name: string;
  readonly type: ParameterPattern;
}

/** One way to call a function; `returns` may be the bound T. */
export interface Signature {
  readonly parameters: readonly Parameter[];
  readonly returns: ScalarKind | 'T';
}

/** A function over plain values, with its overloads. */
export interface ScalarFunction {
  readonly kind: 'scalar';
  readonly name: ScalarFunctionName;
  readonly signatures: readonly Signature[];
  readonly summary: string;
}

/**
 * A function over a list, whose first argument may carry a `where` filter
 * and whose second argument, the projection, is read for each `item`.
 */
export interface AggregateFunction {
  readonly kind: 'aggregate';
  readonly name: AggregateFunctionName;
  /** Whether the filter may be left out (count) or is the point (any, all). */
  readonly filter: 'optional' | 'required';
  /** Whether a projection may follow the list. */
  readonly projection: boolean;
  /** The types of value it takes, from the projection or else the items. */
  readonly values: readonly ScalarKind[] | 'any';
  /** The result: a fixed type, or the value type (optional when empty). */
  readonly returns: 'integer' | 'boolean' | 'value' | 'value?';
  readonly signature: string;
  readonly summary: string;
}

/** The names of the scalar functions. */
export type ScalarFunctionName =
  | 'today'
  | 'now'
  | 'days_since'
  | 'days_until'
  | 'is_birthday'
  | 'age'
  | 'has'
  | 'coalesce'
  | 'date'
  | 'lower'
  | 'upper'
  | 'contains'
  | 'starts_with'
  | 'ends_with'
  | 'len';

/** The names of the aggregates. */
export type AggregateFunctionName =
  'count' | 'sum' | 'min' | 'max' | 'any' | 'all';

/** Any built-in function. */
export type FunctionDefinition = ScalarFunction | AggregateFunction;

function scalar(
  name: ScalarFunctionName,
  summary: string,
  ...signatures: Signature[]
): ScalarFunction {
  return { kind: 'scalar', name, signatures, summary };
}

function signature(
  returns: Signature['returns'],
  ...parameters: [string, ParameterPattern][]
): Signature {
  return {
    parameters: parameters.map(([name, type]) => ({ name, type })),
    returns,
  };
}

const summable: readonly ScalarKind[] = [
  'integer',
  'number',
  'money',
  'duration',
];

const ordered: readonly ScalarKind[] = [
  'integer',
  'number',
  'money',
  'date',
  'datetime',
  'duration',
  'string',
];

const definitions: readonly FunctionDefinition[] = [
  scalar(
    'today',
    'The current date in the policy time zone.',
    signature('date'),
  ),
  scalar('now', 'The current instant.', signature('datetime')),
  scalar(
    'days_since',
    'Calendar days from the local date of the value to today.',
    signature('integer', ['value', 'date']),
    signature('integer', ['value', 'datetime']),
  ),
  scalar(
    'days_until',
    'Calendar days from today to the local date of the value.',
    signature('integer', ['value', 'date']),
    signature('integer', ['value', 'datetime']),
  ),
  scalar(
    'is_birthday',
    'Whether today is the anniversary of the date (29 February counts ' +
      'on 28 February in other years).',
    signature('boolean', ['birth_date', 'date']),
  ),
  scalar(
    'age',
    'Whole years from the date to today.',
    signature('integer', ['birth_date', 'date']),
  ),
  scalar(
    'has',
    'Whether an optional value is present; guards the value in what follows.',
    signature('boolean', ['value', 'T?']),
  ),
  scalar(
    'coalesce',
    'The value when present, else the default.',
    signature('T', ['value', 'T?'], ['default', 'T']),
  ),
  scalar(
    'date',
    'The local date of a datetime in the policy time zone.',
    signature('date', ['value', 'datetime']),
  ),
  scalar(
    'lower',
    'The text in lower case.',
    signature('string', ['text', 'string']),
  ),
  scalar(
    'upper',
    'The text in upper case.',
    signature('string', ['text', 'string']),
  ),
  scalar(
    'contains',
    'Whether the text contains the part, or the list the value.',
    signature('boolean', ['text', 'string'], ['part', 'string']),
    signature('boolean', ['list', 'list<T>'], ['value', 'T']),
  ),
  scalar(
    'starts_with',
    'Whether the text starts with the prefix.',
    signature('boolean', ['text', 'string'], ['prefix', 'string']),
  ),
  scalar(
    'ends_with',
    'Whether the text ends with the suffix.',
    signature('boolean', ['text', 'string'], ['suffix', 'string']),
  ),
  scalar(
    'len',
    'The number of characters of a text or items of a list.',
    signature('integer', ['text', 'string']),
    signature('integer', ['list', 'list<T>']),
  ),
  {
    kind: 'aggregate',
    name: 'count',
    filter: 'optional',
    projection: false,
    values: 'any',
    returns: 'integer',
    signature: 'count(list [where condition]) → integer',
    summary: 'The number of items (that pass the filter).',
  },
  {
    kind: 'aggregate',
    name: 'sum',
    filter: 'optional',
    projection: true,
    values: summable,
    returns: 'value',
    signature:
      'sum(list [where condition] [, value]) → integer | number | money | duration',
    summary: 'The total of the values (0 for no items).',
  },
  {
    kind: 'aggregate',
    name: 'min',
    filter: 'optional',
    projection: true,
    values: ordered,
    returns: 'value?',
    signature: 'min(list [where condition] [, value]) → value?',
    summary: 'The least value; absent when no item passes.',
  },
  {
    kind: 'aggregate',
    name: 'max',
    filter: 'optional',
    projection: true,
    values: ordered,
    returns: 'value?',
    signature: 'max(list [where condition] [, value]) → value?',
    summary: 'The greatest value; absent when no item passes.',
  },
  {
    kind: 'aggregate',
    name: 'any',
    filter: 'required',
    projection: false,
    values: 'any',
    returns: 'boolean',
    signature: 'any(list where condition) → boolean',
    summary: 'Whether some item passes the condition.',
  },
  {
    kind: 'aggregate',
    name: 'all',
    filter: 'required',
    projection: false,
    values: 'any',
    returns: 'boolean',
    signature: 'all(list where condition) → boolean',
    summary: 'Whether every item passes the condition (true for no items).',
  },
];

/** Every built-in function, by name. */
export const builtinFunctions: ReadonlyMap<string, FunctionDefinition> =
  new Map(definitions.map((definition) => [definition.name, definition]));

/** How a function is called, for messages and docs: one line per overload. */
export function formatSignatures(definition: FunctionDefinition): string {
  if (definition.kind === 'aggregate') return definition.signature;
  return definition.signatures
    .map((overload) => formatSignature(definition.name, overload))
    .join(' or ');
}

function formatSignature(name: string, overload: Signature): string {
  const parameters = overload.parameters
    .map((parameter) => `${parameter.name}: ${parameter.type}`)
    .join(', ');
  return `${name}(${parameters}) → ${overload.returns}`;
}
