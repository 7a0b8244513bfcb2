import { report } from '../diagnostics/catalogue.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import {
  describeType,
  errorType,
  optionalType,
  requiredType,
  scalarType,
  type Type,
} from '../language/types.js';
import { assertNever } from '../support/assert-never.js';
import type { CheckState, Context, Resolved } from './check-state.js';
import {
  expression,
  type Expression,
  type Hash,
  type PathExpression,
  type SourceLocation,
} from './handlebars-syntax.js';
import {
  maximumRecommendations,
  productListType,
  recommendationProviders,
} from './recommendations.js';
import { requireValue, resolvePath } from './template-paths.js';
import { blockHelpers } from './template-environment.js';
import { templateHelpers } from './template-helpers.js';

/** A helper call: `{{name a b}}` or `(name a b)`. */
export interface HelperCall {
  readonly path: PathExpression;
  readonly params: readonly hbs.AST.Expression[];
  readonly hash: Hash | undefined;
  readonly loc: SourceLocation;
}

/** The name of a helper a path calls, when it names one. */
export function helperName(path: PathExpression): string | undefined {
  const name = path.parts[0];
  const simple = !path.data && path.depth === 0 && path.parts.length === 1;
  if (!simple || name === undefined || path.original.startsWith('this'))
    return undefined;
  const known = [...templateHelpers, ...blockHelpers, 'log', 'lookup'];
  return known.includes(name) ? name : undefined;
}

/** Checks a helper call and returns what it gives. */
export function checkHelperCall(
  call: HelperCall,
  context: Context,
  state: CheckState,
): Resolved {
  refuseHash(call.hash, state);
  const name = helperName(call.path) ?? call.path.original;
  const text = `${name} …`;
  const args = call.params.map((param) =>
    argument(expression(param), context, state),
  );
  const type = helperType(name, call, args, context, state);
  return { type, key: undefined, text };
}

/** Named arguments (`key=value`) are refused. */
export function refuseHash(hash: Hash | undefined, state: CheckState): void {
  if (hash === undefined || hash.pairs.length === 0) return;
  const what = 'Named arguments (key=value)';
  state.diagnostics.push(report('SL822', state.text.span(hash.loc), { what }));
}

/** What an argument expression stands for. */
export function argument(
  node: Expression,
  context: Context,
  state: CheckState,
): Resolved & { readonly node: Expression } {
  const text = 'original' in node ? String(node.original) : node.type;
  switch (node.type) {
    case 'PathExpression':
      return { ...resolvePath(node, context, state), node };
    case 'SubExpression':
      return { ...checkHelperCall(node, context, state), node };
    case 'StringLiteral':
      return { type: scalarType('string'), key: undefined, text, node };
    case 'NumberLiteral': {
      const kind = Number.isInteger(node.value) ? 'integer' : 'number';
      return { type: scalarType(kind), key: undefined, text, node };
    }
    case 'BooleanLiteral':
      return { type: scalarType('boolean'), key: undefined, text, node };
    case 'UndefinedLiteral':
    case 'NullLiteral':
      return { type: optionalType(errorType), key: undefined, text, node };
    default:
      return assertNever(node);
  }
}

type Argument = ReturnType<typeof argument>;

function helperType(
  name: string,
  call: HelperCall,
  args: readonly Argument[],
  context: Context,
  state: CheckState,
): Type {
  switch (name) {
    case 'coalesce':
      return coalesceType(call, args, context, state);
    case 'format_date':
      return formatDateType(call, args, context, state);
    case 'format_money':
      return formatMoneyType(call, args, context, state);
    case 'recommendations':
      return recommendationsType(call, args, state);
  }
  const span = state.text.span(call.path.loc);
  if (blockHelpers.includes(name)) {
    const detail = `it is a block: write {{#${name} …}} … {{/${name}}}`;
    state.diagnostics.push(report('SL817', span, { helper: name, detail }));
  } else {
    const suggestion = didYouMean(name, templateHelpers);
    state.diagnostics.push(report('SL816', span, { name, suggestion }));
  }
  return errorType;
}

function wrongUse(call: HelperCall, detail: string, state: CheckState): Type {
  const span = state.text.span(call.loc);
  const helper = call.path.original;
  state.diagnostics.push(report('SL817', span, { helper, detail }));
  return errorType;
}

/** `coalesce a b …`: the first present value; optional values are fine. */
function coalesceType(
  call: HelperCall,
  args: readonly Argument[],
  context: Context,
  state: CheckState,
): Type {
  if (args.length < 2)
    return wrongUse(call, 'it needs two or more values', state);
  const types = args.map((arg) =>
    arg.key !== undefined && context.guards.has(arg.key)
      ? requiredType(arg.type)
      : arg.type,
  );
  const known = types.filter((type) => requiredType(type).kind !== 'error');
  const first = known[0];
  if (first === undefined) return errorType;

  const families = new Set(known.map((type) => family(requiredType(type))));
  if (families.size > 1) {
    const detail = `its values differ in type: ${known.map(describeType).join(', ')}`;
    return wrongUse(call, detail, state);
  }
  const present = types.some((type) => type.kind !== 'optional');
  return present ? requiredType(first) : optionalType(first);
}

/** Types that mix in coalesce: text with text, numbers with numbers. */
function family(type: Type): string {
  if (type.kind === 'string' || type.kind === 'enum') return 'text';
  if (['integer', 'number', 'money'].includes(type.kind)) return 'number';
  return type.kind;
}

function single(
  call: HelperCall,
  args: readonly Argument[],
  context: Context,
  state: CheckState,
): Type {
  const [arg] = args;
  if (args.length !== 1 || arg === undefined) {
    wrongUse(call, 'it takes one value', state);
    return errorType;
  }
  return requireValue(arg, arg.node.loc, context, state);
}

/**
 * `format_date x`: a date or a datetime, as `2025-03-14`. For a datetime
 * the call is recorded, to be compiled as `format_datetime`.
 */
function formatDateType(
  call: HelperCall,
  args: readonly Argument[],
  context: Context,
  state: CheckState,
): Type {
  const type = single(call, args, context, state);
  if (type.kind === 'datetime') {
    const { line, column } = call.path.loc.start;
    state.datetimeCalls.push(state.text.offset(line, column));
  } else if (type.kind !== 'date' && type.kind !== 'error') {
    const detail = `it needs a date or datetime, not ${describeType(type)}`;
    return wrongUse(call, detail, state);
  }
  return scalarType('string');
}

/** `format_money x`: an amount as `1 234 kr`. */
function formatMoneyType(
  call: HelperCall,
  args: readonly Argument[],
  context: Context,
  state: CheckState,
): Type {
  const type = single(call, args, context, state);
  if (type.kind !== 'error' && family(type) !== 'number') {
    const detail = `it needs an amount, not ${describeType(type)}`;
    return wrongUse(call, detail, state);
  }
  return scalarType('string');
}

/** `recommendations "provider" n`: a list of products. */
function recommendationsType(
  call: HelperCall,
  args: readonly Argument[],
  state: CheckState,
): Type {
  const [provider, count] = args;
  if (args.length !== 2 || provider === undefined || count === undefined) {
    const detail = 'it takes a provider name and a number of products';
    return wrongUse(call, detail, state);
  }
  if (provider.node.type !== 'StringLiteral')
    return wrongUse(call, 'the provider must be a quoted name', state);
  const name = provider.node.value;
  if (!recommendationProviders.includes(name)) {
    const data = {
      provider: name,
      suggestion: didYouMean(name, recommendationProviders),
      known: recommendationProviders.join(', '),
    };
    const span = state.text.span(provider.node.loc);
    state.diagnostics.push(report('SL818', span, data));
    return productListType;
  }
  const value = count.node.type === 'NumberLiteral' ? count.node.value : NaN;
  if (!Number.isInteger(value) || value < 1 || value > maximumRecommendations) {
    const detail =
      'the number of products must be a whole number ' +
      `from 1 to ${maximumRecommendations}`;
    return wrongUse(call, detail, state);
  }
  return productListType;
}
