import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { CheckContext } from './check-context.js';
import { builtinFunctions, formatSignatures } from './functions.js';
import type {
  AggregateFunction,
  ScalarFunction,
  Signature,
} from './functions.js';
import { factsWhenTrue, joinFacts, withoutItemFacts } from './narrowing.js';
import type { Facts } from './narrowing.js';
import { boundContext, resolveOverload } from './overloads.js';
import { checkLookBack } from './check-retention.js';
import { pathText } from './syntax-tree.js';
import type { CallExpression, Expression } from './syntax-tree.js';
import { describeType, errorType, optionalType, scalarType } from './types.js';
import type { Type } from './types.js';

const booleanType = scalarType('boolean');

/** A call of a built-in function or aggregate. */
export function checkCall(
  checker: CheckContext,
  call: CallExpression,
  facts: Facts,
): Type {
  const definition = builtinFunctions.get(call.callee.name);
  if (definition === undefined) {
    const names = [...builtinFunctions.keys()];
    const data = {
      name: call.callee.name,
      suggestion: didYouMean(call.callee.name, names),
      known: names.join(', '),
    };
    checker.report('SL405', call.callee, data);
    checkLoosely(checker, call.arguments, facts, errorType);
    return errorType;
  }

  if (definition.kind === 'aggregate') {
    return aggregate(checker, call, definition, facts);
  }
  if (call.filter !== undefined) {
    checker.report('SL417', call.filter, { name: definition.name });
  }
  return scalarCall(checker, call, definition, facts);
}

function scalarCall(
  checker: CheckContext,
  call: CallExpression,
  definition: ScalarFunction,
  facts: Facts,
): Type {
  const count = call.arguments.length;
  const overloads = definition.signatures.filter(
    (overload) => overload.parameters.length === count,
  );
  if (overloads.length === 0) {
    const counts = definition.signatures.map(
      (overload) => overload.parameters.length,
    );
    reportArity(
      checker,
      call,
      definition.name,
      counts,
      formatSignatures(definition),
    );
    checkLoosely(checker, call.arguments, facts);
    return errorType;
  }

  const types = checkArguments(checker, call.arguments, overloads, facts);
  const result = resolveOverload(overloads, types);
  if (result.kind === 'resolved') {
    warnUselessGuard(checker, call, definition, types, facts);
    return result.type;
  }
  if (result.kind === 'mismatch') {
    const argument = call.arguments[result.position] ?? call;
    const data = {
      name: definition.name,
      actual: describeType(types[result.position] ?? errorType),
      position: ordinal(result.position),
      signature: formatSignatures(definition),
    };
    checker.report('SL407', argument, data);
  }
  return errorType;
}

/**
 * Checks the arguments of a call. A `T?` parameter takes a value that may
 * be absent; a later `T` argument gets the type bound by the first as its
 * context, so that `coalesce(member.level, "member")` checks the literal.
 */
function checkArguments(
  checker: CheckContext,
  parameters: readonly Expression[],
  overloads: readonly Signature[],
  facts: Facts,
): Type[] {
  const types: Type[] = [];
  for (const [index, argument] of parameters.entries()) {
    const patterns = overloads.map(
      (overload) => overload.parameters[index]?.type,
    );
    const context = index === 0 ? undefined : boundContext(overloads, types[0]);
    const type = patterns.every((pattern) => pattern === 'T?')
      ? checker.check(argument, facts, context)
      : checker.checkValue(argument, facts, context);
    types.push(type);
  }
  return types;
}

/** `has(x)` where x can never be absent is most likely a mistake. */
function warnUselessGuard(
  checker: CheckContext,
  call: CallExpression,
  definition: ScalarFunction,
  types: readonly Type[],
  facts: Facts,
): void {
  const [argument] = call.arguments;
  const [type] = types;
  if (definition.name !== 'has' || argument === undefined) return;
  if (type === undefined || type.kind === 'optional' || type.kind === 'error') {
    return;
  }
  if (argument.kind === 'path' && facts.has(pathText(argument))) return;

  checker.report('SL420', argument, { expression: checker.text(argument) });
}

/**
 * `count(list where filter)`, `sum(list where filter, projection)`: the
 * filter and projection see `item`, each item of the list in turn. Facts
 * about an outer `item` do not hold inside; those of the filter hold in
 * the projection.
 */
function aggregate(
  checker: CheckContext,
  call: CallExpression,
  definition: AggregateFunction,
  facts: Facts,
): Type {
  const [list, projection, ...extra] = call.arguments;
  const tooMany =
    extra.length > 0 || (!definition.projection && projection !== undefined);
  if (list === undefined || tooMany) {
    const counts = definition.projection ? [1, 2] : [1];
    reportArity(checker, call, definition.name, counts, definition.signature);
    checkLoosely(checker, call.arguments, facts, errorType);
    return errorType;
  }

  const listType = checker.checkValue(list, facts);
  const items = itemType(checker, definition, list, listType);
  if (definition.filter === 'required' && call.filter === undefined) {
    checker.report('SL418', call, { name: definition.name });
  }

  const outer = withoutItemFacts(facts);
  const enclosing = checker.item;
  checker.item = items;
  if (call.filter !== undefined) {
    checker.expect(call.filter, booleanType, outer);
    const retention = listType.kind === 'list' ? listType.retention : undefined;
    if (retention !== undefined) checkLookBack(checker, call.filter, retention);
  }
  const projectionFacts =
    call.filter === undefined
      ? outer
      : joinFacts(outer, factsWhenTrue(call.filter));
  const value =
    projection === undefined
      ? items
      : checker.checkValue(projection, projectionFacts);
  checker.item = enclosing;

  if (projection === undefined) {
    return aggregateResult(checker, definition, value, list, listType, 0);
  }
  return aggregateResult(checker, definition, value, projection, value, 1);
}

function itemType(
  checker: CheckContext,
  definition: AggregateFunction,
  list: Expression,
  type: Type,
): Type {
  if (type.kind === 'list') return type.item;
  if (type.kind === 'error') return type;
  checker.report('SL419', list, {
    name: definition.name,
    type: describeType(type),
  });
  return errorType;
}

/**
 * The result of sum, min and max follows their value: the projection, or
 * else the items themselves (reported on the list, as its first argument).
 */
function aggregateResult(
  checker: CheckContext,
  definition: AggregateFunction,
  value: Type,
  valueNode: Expression,
  valueNodeType: Type,
  position: number,
): Type {
  if (definition.returns === 'integer') return scalarType('integer');
  if (definition.returns === 'boolean') return booleanType;
  if (value.kind === 'error') return errorType;

  const accepted =
    definition.values === 'any' ||
    definition.values.some((kind) => kind === value.kind);
  if (!accepted) {
    const data = {
      name: definition.name,
      actual: describeType(valueNodeType),
      position: ordinal(position),
      signature: definition.signature,
    };
    checker.report('SL407', valueNode, data);
    return errorType;
  }
  return definition.returns === 'value' ? value : optionalType(value);
}

/**
 * Checks arguments only for the problems inside them. `item` is taken for
 * the error type in the arguments of what may be a misused aggregate, so
 * that a projection does not report it as out of place.
 */
function checkLoosely(
  checker: CheckContext,
  parameters: readonly Expression[],
  facts: Facts,
  item: Type | undefined = checker.item,
): void {
  const enclosing = checker.item;
  checker.item = item;
  for (const argument of parameters) checker.check(argument, facts);
  checker.item = enclosing;
}

function reportArity(
  checker: CheckContext,
  call: CallExpression,
  name: string,
  counts: readonly number[],
  signature: string,
): void {
  const data = {
    name,
    expected: describeCounts(counts),
    count: String(call.arguments.length),
    signature,
  };
  checker.report('SL406', call, data);
}

function describeCounts(counts: readonly number[]): string {
  const unique = [...new Set(counts)].sort((a, b) => a - b);
  if (unique.length === 1 && unique[0] === 0) return 'no arguments';
  const last = unique.at(-1) ?? 0;
  const noun = last === 1 ? 'argument' : 'arguments';
  return `${unique.join(' or ')} ${noun}`;
}

function ordinal(position: number): string {
  return ['first', 'second', 'third'][position] ?? `${position + 1}th`;
}
