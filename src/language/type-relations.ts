import { assertNever } from '../support/assert-never.js';
import type { ArithmeticOperator } from './syntax-tree.js';
import { errorType, listType, scalarType } from './types.js';
import type { ScalarKind, Type } from './types.js';

/*
 * How types relate: which are the same, which values compare, what the
 * arithmetic operators give. There is no implicit conversion, except that an
 * integer mixes with a number to give a number.
 */

/** True for integer and number. */
export function isNumeric(type: Type): boolean {
  return type.kind === 'integer' || type.kind === 'number';
}

/** Structural equality; enums are equal when they have the same values. */
export function sameType(a: Type, b: Type): boolean {
  switch (a.kind) {
    case 'enum':
      return b.kind === 'enum' && sameValues(a.values, b.values);
    case 'list':
      return b.kind === 'list' && sameType(a.item, b.item);
    case 'optional':
      return b.kind === 'optional' && sameType(a.inner, b.inner);
    case 'object':
      return b.kind === 'object' && sameProperties(a.properties, b.properties);
    case 'string':
    case 'integer':
    case 'number':
    case 'money':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'duration':
    case 'error':
      return a.kind === b.kind;
    default:
      return assertNever(a);
  }
}

/**
 * The type two values share, so that they can be compared or stand in one
 * list, or undefined when they have none. Either being the error type gives
 * the error type: its problem was already reported.
 */
export function commonType(a: Type, b: Type): Type | undefined {
  if (a.kind === 'error' || b.kind === 'error') return errorType;
  if (isNumeric(a) && isNumeric(b)) {
    return a.kind === 'integer' && b.kind === 'integer'
      ? a
      : scalarType('number');
  }
  if (a.kind === 'list' && b.kind === 'list') {
    const item = commonType(a.item, b.item);
    return item === undefined ? undefined : listType(item);
  }
  return sameType(a, b) ? a : undefined;
}

/** True when a value of type `actual` may stand where `expected` is wanted. */
export function isAssignable(actual: Type, expected: Type): boolean {
  if (actual.kind === 'error' || expected.kind === 'error') return true;
  if (expected.kind === 'optional') {
    const present = actual.kind === 'optional' ? actual.inner : actual;
    return isAssignable(present, expected.inner);
  }
  if (actual.kind === 'integer' && expected.kind === 'number') return true;
  if (actual.kind === 'list' && expected.kind === 'list') {
    return isAssignable(actual.item, expected.item);
  }
  return sameType(actual, expected);
}

/** True for the types `<`, `<=`, `>` and `>=` may compare. */
export function isOrdered(type: Type): boolean {
  switch (type.kind) {
    case 'integer':
    case 'number':
    case 'money':
    case 'date':
    case 'datetime':
    case 'duration':
    case 'string':
    case 'error':
      return true;
    case 'boolean':
    case 'enum':
    case 'list':
    case 'object':
    case 'optional':
      return false;
    default:
      return assertNever(type);
  }
}

/** True when values of the type can be compared with `==`. */
export function isEquatable(type: Type): boolean {
  return type.kind !== 'list' && type.kind !== 'object';
}

/** The kinds, in order, that make an arithmetic rule. */
type Rule = readonly [ScalarKind, ArithmeticOperator, ScalarKind, ScalarKind];

const arithmeticRules: readonly Rule[] = [
  ['money', '+', 'money', 'money'],
  ['money', '-', 'money', 'money'],
  ['money', '*', 'integer', 'money'],
  ['money', '*', 'number', 'money'],
  ['integer', '*', 'money', 'money'],
  ['number', '*', 'money', 'money'],
  ['money', '/', 'integer', 'money'],
  ['money', '/', 'number', 'money'],
  ['money', '/', 'money', 'number'],
  ['date', '+', 'duration', 'date'],
  ['duration', '+', 'date', 'date'],
  ['date', '-', 'duration', 'date'],
  ['date', '-', 'date', 'integer'],
  ['datetime', '+', 'duration', 'datetime'],
  ['duration', '+', 'datetime', 'datetime'],
  ['datetime', '-', 'duration', 'datetime'],
  ['datetime', '-', 'datetime', 'duration'],
  ['duration', '+', 'duration', 'duration'],
  ['duration', '-', 'duration', 'duration'],
  ['duration', '*', 'integer', 'duration'],
  ['integer', '*', 'duration', 'duration'],
  ['duration', '/', 'duration', 'number'],
];

/**
 * The type of `left operator right`, or undefined when the operator does
 * not apply. Integers stay integers under `+ - *`; `/` gives a number.
 */
export function arithmeticType(
  operator: ArithmeticOperator,
  left: Type,
  right: Type,
): Type | undefined {
  if (left.kind === 'error' || right.kind === 'error') return errorType;
  if (isNumeric(left) && isNumeric(right)) {
    const bothIntegers = left.kind === 'integer' && right.kind === 'integer';
    const integral = bothIntegers && operator !== '/';
    return scalarType(integral ? 'integer' : 'number');
  }

  const rule = arithmeticRules.find(
    ([first, ruleOperator, second]) =>
      first === left.kind && ruleOperator === operator && second === right.kind,
  );
  return rule === undefined ? undefined : scalarType(rule[3]);
}

/** The type of `-operand`, or undefined when it cannot be negated. */
export function negationType(operand: Type): Type | undefined {
  switch (operand.kind) {
    case 'integer':
    case 'number':
    case 'money':
    case 'duration':
    case 'error':
      return operand;
    case 'string':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'enum':
    case 'list':
    case 'object':
    case 'optional':
      return undefined;
    default:
      return assertNever(operand);
  }
}

/**
 * A hint for two types that do not go together, for the common slips: a
 * number where an amount is meant, a datetime where a date is meant.
 */
export function mismatchHelp(left: Type, right: Type): string | undefined {
  const kinds = new Set([left.kind, right.kind]);
  if (kinds.has('money') && (kinds.has('integer') || kinds.has('number'))) {
    return 'Write amounts with their currency, such as 500 SEK.';
  }
  if (kinds.has('date') && kinds.has('datetime')) {
    return 'Take the date of a datetime with date(...).';
  }
  if ((kinds.has('date') || kinds.has('datetime')) && kinds.has('integer')) {
    return 'Add or subtract a duration such as 7d, or count days with days_since(...).';
  }
  if (kinds.has('duration') && kinds.has('integer')) {
    return 'Write durations with their unit, such as 30m, 12h, 7d or 2w.';
  }
  if (kinds.has('enum') && kinds.has('string')) {
    return 'Compare an enum with one of its values written as a literal, such as "beauty".';
  }
  return undefined;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

function sameProperties(
  a: ReadonlyMap<string, Type>,
  b: ReadonlyMap<string, Type>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [name, type] of a) {
    const other = b.get(name);
    if (other === undefined || !sameType(type, other)) return false;
  }
  return true;
}
