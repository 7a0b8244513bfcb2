import { assertNever } from '../support/assert-never.js';
import { pathText } from './syntax-tree.js';
import type { Expression } from './syntax-tree.js';

/**
 * The optional paths known to be present at a point of a condition, written
 * as text (`member.last_purchase_at`). `has(x) and <x used>` checks the
 * right operand with `x` in the facts; so does `not has(x) or <x used>`.
 * Facts hold within one expression only.
 */
export type Facts = ReadonlySet<string>;

/** No facts: the start of every condition. */
export const noFacts: Facts = new Set();

/** The paths known present when the expression is true. */
export function factsWhenTrue(expression: Expression): Facts {
  return facts(expression, true);
}

/** The paths known present when the expression is false. */
export function factsWhenFalse(expression: Expression): Facts {
  return facts(expression, false);
}

/** Both sets of facts together. */
export function joinFacts(a: Facts, b: Facts): Facts {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  return new Set([...a, ...b]);
}

/**
 * The facts without those about `item`, for entering an aggregate, where
 * `item` names a new value.
 */
export function withoutItemFacts(known: Facts): Facts {
  const kept = [...known].filter((key) => !isItemKey(key));
  return kept.length === known.size ? known : new Set(kept);
}

function isItemKey(key: string): boolean {
  return key === 'item' || key.startsWith('item.');
}

function facts(expression: Expression, outcome: boolean): Facts {
  switch (expression.kind) {
    case 'call':
      return outcome ? presentArgument(expression) : noFacts;
    case 'unary':
      return expression.operator === 'not'
        ? facts(expression.operand, !outcome)
        : noFacts;
    case 'logical':
      return logicalFacts(expression.operator, expression, outcome);
    case 'string-literal':
    case 'boolean-literal':
    case 'integer-literal':
    case 'number-literal':
    case 'money-literal':
    case 'date-literal':
    case 'datetime-literal':
    case 'local-datetime-literal':
    case 'duration-literal':
    case 'list':
    case 'path':
    case 'binary':
    case 'comparison':
      return noFacts;
    default:
      return assertNever(expression);
  }
}

/**
 * `a and b` true: both are true, so the facts of both hold; false: nothing
 * is known. `a or b` is the mirror image.
 */
function logicalFacts(
  operator: 'and' | 'or',
  expression: { left: Expression; right: Expression },
  outcome: boolean,
): Facts {
  const left = facts(expression.left, outcome);
  const right = facts(expression.right, outcome);
  const bothHold = (operator === 'and') === outcome;
  if (bothHold) return joinFacts(left, right);
  return new Set([...left].filter((key) => right.has(key)));
}

function presentArgument(call: Expression & { kind: 'call' }): Facts {
  const argument = call.arguments[0];
  const isGuard =
    call.callee.name === 'has' &&
    call.arguments.length === 1 &&
    argument?.kind === 'path';
  return isGuard ? new Set([pathText(argument)]) : noFacts;
}
