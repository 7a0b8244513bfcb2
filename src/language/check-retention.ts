import type { CheckContext } from './check-context.js';
import type {
  ComparisonExpression,
  ComparisonOperator,
  Expression,
} from './syntax-tree.js';
import type { Retention } from './types.js';

/**
 * Warns about a filter over a list with a retention that asks for items
 * older than the list keeps: `days_since(item.at) > 800` over purchases
 * kept 730 days holds for no item the list still has. Looks at the
 * comparisons every counted item must pass: the filter itself and the
 * operands of its `and`s.
 */
export function checkLookBack(
  checker: CheckContext,
  filter: Expression,
  retention: Retention,
): void {
  for (const comparison of requiredComparisons(filter)) {
    const bound = daysSinceBound(comparison, retention.by);
    if (bound === undefined || !onlyOlderThan(bound, retention.days)) continue;
    checker.report('SL422', comparison, {
      condition: checker.text(comparison),
      days: retention.days,
      by: retention.by,
    });
  }
}

function requiredComparisons(filter: Expression): ComparisonExpression[] {
  if (filter.kind === 'comparison') return [filter];
  if (filter.kind === 'logical' && filter.operator === 'and') {
    return [
      ...requiredComparisons(filter.left),
      ...requiredComparisons(filter.right),
    ];
  }
  return [];
}

/** `days_since(item.by) op n`, as written or mirrored (`n op days_since`). */
interface DaysSinceBound {
  readonly operator: ComparisonOperator;
  readonly days: number;
}

const mirrored: Partial<Record<ComparisonOperator, ComparisonOperator>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '==': '==',
};

function daysSinceBound(
  comparison: ComparisonExpression,
  by: string,
): DaysSinceBound | undefined {
  const { left, right, operator } = comparison;
  if (isDaysSinceOf(left, by) && right.kind === 'integer-literal') {
    return { operator, days: right.value };
  }
  const turned = mirrored[operator];
  if (
    turned !== undefined &&
    isDaysSinceOf(right, by) &&
    left.kind === 'integer-literal'
  ) {
    return { operator: turned, days: left.value };
  }
  return undefined;
}

function isDaysSinceOf(expression: Expression, by: string): boolean {
  if (expression.kind !== 'call' || expression.callee.name !== 'days_since')
    return false;
  const [argument] = expression.arguments;
  return (
    argument?.kind === 'path' &&
    argument.root.name === 'item' &&
    argument.properties.length === 1 &&
    argument.properties[0]?.name === by
  );
}

/**
 * Whether the bound holds only for items more than `kept` days old. An item
 * `kept` calendar days old may still be kept (the retention counts 24-hour
 * days from its time), so only bounds past that count.
 */
function onlyOlderThan(
  { operator, days }: DaysSinceBound,
  kept: number,
): boolean {
  if (operator === '>') return days >= kept;
  return (operator === '>=' || operator === '==') && days > kept;
}
