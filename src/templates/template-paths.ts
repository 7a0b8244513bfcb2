import { report } from '../diagnostics/catalogue.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import {
  describeType,
  errorType,
  requiredType,
  scalarType,
  type Type,
} from '../language/types.js';
import type { PathExpression, SourceLocation } from './handlebars-syntax.js';
import {
  childKey,
  childText,
  type CheckState,
  type Context,
  type Frame,
  type Resolved,
} from './check-state.js';

/** The data variables of an each block and their types. */
const loopVariables = new Map<string, Type>([
  ['index', scalarType('integer')],
  ['key', scalarType('string')],
  ['first', scalarType('boolean')],
  ['last', scalarType('boolean')],
]);

/**
 * What a path such as `member.first_name`, `../member.id`, `@root.offer`,
 * `this.price` or a block parameter stands for. Unknown names and optional
 * values on the way are reported; the value itself may stay optional, for
 * the caller to judge.
 */
export function resolvePath(
  path: PathExpression,
  context: Context,
  state: CheckState,
): Resolved {
  const start = pathStart(path, context, state);
  let current = start.value;
  for (const name of path.parts.slice(start.consumed)) {
    if (current.type.kind === 'error') return current;
    current = fieldOf(current, name, path.loc, context, state);
  }
  return current;
}

/**
 * The value with its optional wrapper taken off when an enclosing
 * `{{#if}}` tested it; otherwise an optional value is reported.
 */
export function requireValue(
  value: Resolved,
  loc: SourceLocation,
  context: Context,
  state: CheckState,
): Type {
  if (value.type.kind !== 'optional') return value.type;
  if (value.key !== undefined && context.guards.has(value.key))
    return value.type.inner;
  if (value.type.inner.kind !== 'error') {
    const data = { path: value.text, type: describeType(value.type) };
    state.diagnostics.push(report('SL815', state.text.span(loc), data));
  }
  return errorType;
}

interface PathStart {
  readonly value: Resolved;
  /** How many of the path's parts the start used up. */
  readonly consumed: number;
}

function pathStart(
  path: PathExpression,
  context: Context,
  state: CheckState,
): PathStart {
  if (path.data) return dataStart(path, context, state);
  const frames = context.frames;
  const first = path.parts[0];
  const index = frames.length - 1 - path.depth;
  const frame = frames[index];
  if (frame === undefined)
    return unknownName(path.original, path.loc, state, '');

  const parameter =
    path.depth === 0 && first !== undefined
      ? blockParameter(frames, first)
      : undefined;
  if (parameter !== undefined) return { value: parameter, consumed: 1 };
  if (index === 0 && first !== undefined)
    return rootStart(first, path.loc, state);
  return { value: frame.value, consumed: 0 };
}

/** `@root…`, `@index` and the other data variables. */
function dataStart(
  path: PathExpression,
  context: Context,
  state: CheckState,
): PathStart {
  const name = path.parts[0] ?? '';
  const top = context.frames[0];
  if (name === 'root' && top !== undefined) {
    const value = { ...top.value, text: '@root' };
    const next = path.parts[1];
    if (next === undefined) return { value, consumed: 1 };
    const start = rootStart(next, path.loc, state);
    return { value: start.value, consumed: 2 };
  }
  const type = loopVariables.get(name);
  const inLoop = context.frames.some((frame) => frame.loop);
  if (type !== undefined && inLoop) {
    return { value: { type, key: undefined, text: `@${name}` }, consumed: 1 };
  }
  const hint = type === undefined ? '' : ' It exists only inside {{#each}}.';
  return unknownName(`@${name}`, path.loc, state, hint);
}

function blockParameter(
  frames: readonly Frame[],
  name: string,
): Resolved | undefined {
  for (let index = frames.length - 1; index >= 0; index--) {
    const found = frames[index]?.blockParams.get(name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A variable at the top of the template: member, offer, event, … */
function rootStart(
  name: string,
  loc: SourceLocation,
  state: CheckState,
): PathStart {
  const type = state.scope.roots.get(name);
  if (type !== undefined)
    return { value: { type, key: name, text: name }, consumed: 1 };

  const reason = state.scope.absent.get(name);
  const span = state.text.span(loc);
  if (reason !== undefined) {
    const code = name === 'offer' ? 'SL813' : 'SL814';
    state.diagnostics.push(report(code, span, { reason }));
    return { value: failed(name), consumed: 1 };
  }
  const known = [...state.scope.roots.keys(), ...state.scope.absent.keys()];
  return unknownName(name, loc, state, didYouMean(name, known));
}

function unknownName(
  name: string,
  loc: SourceLocation,
  state: CheckState,
  suggestion: string,
): PathStart {
  const known = [...state.scope.roots.keys()].join(', ');
  const data = { name, suggestion, known };
  state.diagnostics.push(report('SL811', state.text.span(loc), data));
  return { value: failed(name), consumed: Number.MAX_SAFE_INTEGER };
}

/** The field `name` of a value, reported when there is none. */
function fieldOf(
  value: Resolved,
  name: string,
  loc: SourceLocation,
  context: Context,
  state: CheckState,
): Resolved {
  const type = requireValue(value, loc, context, state);
  const key = childKey(value.key, name);
  const text = childText(value.text, name);
  if (type.kind === 'error') return failed(text);
  if (type.kind === 'object') {
    const field = type.properties.get(name);
    if (field !== undefined) return { type: field, key, text };
    return unknownField(value, name, [...type.properties.keys()], loc, state);
  }
  if (type.kind === 'list' && name === 'length')
    return { type: scalarType('integer'), key, text };
  return unknownField(value, name, [], loc, state);
}

function unknownField(
  value: Resolved,
  name: string,
  known: readonly string[],
  loc: SourceLocation,
  state: CheckState,
): Resolved {
  const type = requiredType(value.type);
  const written = `"${value.text || 'this'}"`;
  const owner =
    type.kind === 'object' ? written : `${written} (${describeType(type)})`;
  const data = {
    owner,
    field: name,
    suggestion: fieldHint(value, name, known, state),
  };
  state.diagnostics.push(report('SL812', state.text.span(loc), data));
  return failed(childText(value.text, name));
}

function fieldHint(
  value: Resolved,
  name: string,
  known: readonly string[],
  state: CheckState,
): string {
  const partial = state.scope.partialEventFields.get(name);
  if (value.key === 'event' && partial !== undefined) return partial;
  const isRoot = state.scope.roots.has(name) || state.scope.absent.has(name);
  if (value.text === '' && value.key !== '' && isRoot)
    return ` Inside a block, write @root.${name} or ../${name}.`;
  return didYouMean(name, known);
}

function failed(text: string): Resolved {
  return { type: errorType, key: undefined, text };
}
