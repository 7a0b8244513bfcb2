import type { ParameterPattern, Signature } from './functions.js';
import { commonType, isAssignable } from './type-relations.js';
import { errorType, requiredType, scalarType } from './types.js';
import type { Type } from './types.js';

/*
 * Choosing the overload of a built-in function that fits the types of the
 * arguments, and the type it returns (see ParameterPattern).
 */

/** The outcome of matching argument types against overloads. */
export type Resolution =
  | { readonly kind: 'resolved'; readonly type: Type }
  | { readonly kind: 'mismatch'; readonly position: number }
  | { readonly kind: 'unknown' };

/**
 * The first overload the argument types fit, and its result type. When an
 * argument has the error type the result is still known if every overload
 * agrees on it; when none fits, the position where the best one failed.
 */
export function resolveOverload(
  overloads: readonly Signature[],
  types: readonly Type[],
): Resolution {
  if (types.some((type) => type.kind === 'error')) {
    const results = new Set(overloads.map((overload) => overload.returns));
    const [only] = results;
    const fixed = results.size === 1 && only !== undefined && only !== 'T';
    return fixed
      ? { kind: 'resolved', type: scalarType(only) }
      : { kind: 'unknown' };
  }

  let furthest = 0;
  for (const overload of overloads) {
    const match = matchOverload(overload, types);
    if (match.kind === 'resolved') return match;
    if (match.kind === 'mismatch')
      furthest = Math.max(furthest, match.position);
  }
  return { kind: 'mismatch', position: furthest };
}

function matchOverload(
  overload: Signature,
  types: readonly Type[],
): Resolution {
  let bound: Type | undefined;
  for (const [position, parameter] of overload.parameters.entries()) {
    const type = types[position] ?? errorType;
    const candidate = bindingOf(parameter.type, type);
    if (candidate === undefined) return { kind: 'mismatch', position };
    if (candidate === null) continue;

    const unified =
      bound === undefined ? candidate : commonType(bound, candidate);
    if (unified === undefined) return { kind: 'mismatch', position };
    bound = unified;
  }

  const { returns } = overload;
  const type = returns === 'T' ? (bound ?? errorType) : scalarType(returns);
  return { kind: 'resolved', type };
}

/**
 * What an argument binds T to: a type, null when the parameter has a fixed
 * type that the argument fits, undefined when it does not fit.
 */
function bindingOf(
  pattern: ParameterPattern,
  type: Type,
): Type | null | undefined {
  if (pattern === 'T' || pattern === 'T?') return requiredType(type);
  if (pattern === 'list<T>')
    return type.kind === 'list' ? type.item : undefined;
  return isAssignable(type, scalarType(pattern)) ? null : undefined;
}

/** The type the first argument binds T to, as context for the later ones. */
export function boundContext(
  overloads: readonly Signature[],
  first: Type | undefined,
): Type | undefined {
  if (first === undefined) return undefined;
  for (const overload of overloads) {
    const pattern = overload.parameters[0]?.type;
    if (pattern === undefined) continue;
    const bound = bindingOf(pattern, first);
    if (bound !== undefined && bound !== null) return bound;
  }
  return undefined;
}
