import type { Expression } from './syntax-tree.js';
import type { Type } from './types.js';

/**
 * The type the checker found for each node it checked. The syntax tree
 * stays plain data; the compiler looks types up here where the runtime form
 * depends on them (a date and a datetime are both numbers). A WeakMap, so
 * trees that are dropped take their types with them.
 */
const checkedTypes = new WeakMap<Expression, Type>();

/** Notes the type of a checked node. */
export function recordType(expression: Expression, type: Type): void {
  checkedTypes.set(expression, type);
}

/** The type of a checked node; throws for a node never checked (a bug). */
export function checkedType(expression: Expression): Type {
  const type = checkedTypes.get(expression);
  if (type === undefined) {
    throw new Error(
      `${expression.kind} at ${expression.start} was not type-checked`,
    );
  }
  return type;
}
