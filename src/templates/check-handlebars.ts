import { report } from '../diagnostics/catalogue.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import {
  describeType,
  errorType,
  requiredType,
  scalarType,
  type Type,
} from '../language/types.js';
import { assertNever } from '../support/assert-never.js';
import {
  guardedContext,
  innerContext,
  type CheckState,
  type Context,
  type Frame,
  type Resolved,
} from './check-state.js';
import {
  expression,
  statements,
  type BlockStatement,
  type MustacheStatement,
  type PathExpression,
  type Program,
  type SourceLocation,
  type Statement,
} from './handlebars-syntax.js';
import {
  argument,
  checkHelperCall,
  helperName,
  refuseHash,
} from './helper-calls.js';
import { blockHelpers } from './template-environment.js';
import { templateHelpers } from './template-helpers.js';
import { requireValue, resolvePath } from './template-paths.js';

/**
 * Type-checks every statement of a template part against its scope:
 * variables, helper calls, blocks, and what may be shown as text.
 */
export function checkProgram(
  program: Program | undefined,
  context: Context,
  state: CheckState,
): void {
  if (program === undefined) return;
  for (const statement of statements(program))
    checkStatement(statement, context, state);
}

function checkStatement(
  statement: Statement,
  context: Context,
  state: CheckState,
): void {
  switch (statement.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement':
      return checkMustache(statement, context, state);
    case 'BlockStatement':
      return checkBlock(statement, context, state);
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return unsupported('Partials ({{> name}})', statement.loc, state);
    case 'Decorator':
    case 'DecoratorBlock':
      return unsupported('Decorators ({{* name}})', statement.loc, state);
    default:
      return assertNever(statement);
  }
}

function unsupported(
  what: string,
  loc: SourceLocation,
  state: CheckState,
): void {
  state.diagnostics.push(report('SL822', state.text.span(loc), { what }));
}

/** `{{value}}` or `{{helper args}}`: something shown as text. */
function checkMustache(
  mustache: MustacheStatement,
  context: Context,
  state: CheckState,
): void {
  if (mustache.path.type !== 'PathExpression') return;
  const path = mustache.path as PathExpression;
  const call =
    mustache.params.length > 0 ||
    (mustache.hash?.pairs.length ?? 0) > 0 ||
    helperName(path) !== undefined;
  const value = call
    ? checkHelperCall({ ...mustache, path }, context, state)
    : resolvePath(path, context, state);

  if (!mustache.escaped && state.html) {
    const span = state.text.span(mustache.loc);
    state.diagnostics.push(report('SL821', span, { path: value.text }));
  }
  checkShown(value, call ? mustache.loc : path.loc, context, state);
  if (value.key === 'unsubscribe_url') state.showsUnsubscribe = true;
}

/** A value shown as text must be present and read well as text. */
function checkShown(
  value: Resolved,
  loc: SourceLocation,
  context: Context,
  state: CheckState,
): void {
  const type = requireValue(value, loc, context, state);
  const span = state.text.span(loc);
  const refuse = (detail: string): void => {
    const data = { path: value.text, type: describeType(type), detail };
    state.diagnostics.push(report('SL819', span, data));
  };
  switch (type.kind) {
    case 'string':
    case 'enum':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'error':
    case 'optional':
      return;
    case 'money':
      state.diagnostics.push(report('SL820', span, { path: value.text }));
      return;
    case 'date':
    case 'datetime':
      return refuse(
        `it would show as a number; write {{format_date ${value.text}}}`,
      );
    case 'duration':
      return refuse('it would show as a number of milliseconds');
    case 'list':
      return refuse('write {{#each}} … {{/each}} to show its items');
    case 'object':
      return refuse('it would show as "[object Object]"; show its fields');
    default:
      return assertNever(type);
  }
}

/** `{{#if}}`, `{{#unless}}`, `{{#each}}`, `{{#with}}`. */
function checkBlock(
  block: BlockStatement,
  context: Context,
  state: CheckState,
): void {
  refuseHash(block.hash, state);
  const name = helperName(block.path);
  const [param, ...rest] = block.params;
  if (name === undefined || !blockHelpers.includes(name)) {
    notABlock(block, name, state);
    return checkBranches(block, context, context, state);
  }
  if (param === undefined || rest.length > 0) {
    const detail = 'it takes one value';
    const span = state.text.span(block.path.loc);
    state.diagnostics.push(
      report('SL817', span, { helper: `{{#${name}}}`, detail }),
    );
    return checkBranches(block, context, context, state);
  }

  const value = argument(expression(param), context, state);
  switch (name) {
    case 'if':
      return checkBranches(
        block,
        guardedContext(context, value.key),
        context,
        state,
      );
    case 'unless':
      return checkBranches(
        block,
        context,
        guardedContext(context, value.key),
        state,
      );
    case 'each':
    case 'with':
      return checkScopeBlock(block, name, value, context, state);
  }
}

function notABlock(
  block: BlockStatement,
  name: string | undefined,
  state: CheckState,
): void {
  const written = name ?? block.path.original;
  const span = state.text.span(block.path.loc);
  if (templateHelpers.includes(written)) {
    const detail = `it is not a block: write {{${written} …}}`;
    state.diagnostics.push(report('SL817', span, { helper: written, detail }));
    return;
  }
  const suggestion = didYouMean(written, blockHelpers);
  state.diagnostics.push(report('SL816', span, { name: written, suggestion }));
}

function checkBranches(
  block: BlockStatement,
  thenContext: Context,
  elseContext: Context,
  state: CheckState,
): void {
  checkProgram(block.program, thenContext, state);
  checkProgram(block.inverse, elseContext, state);
}

/**
 * `{{#each list}}` and `{{#with object}}` set a new `this`. A missing value
 * needs no guard: both render their else branch for it.
 */
function checkScopeBlock(
  block: BlockStatement,
  name: 'each' | 'with',
  value: Resolved,
  context: Context,
  state: CheckState,
): void {
  const type = requiredType(value.type);
  const wanted = name === 'each' ? 'list' : 'object';
  let inner: Type = errorType;
  if (type.kind === wanted) inner = type.kind === 'list' ? type.item : type;
  else if (type.kind !== 'error') {
    const needed = name === 'each' ? 'a list' : 'an object';
    const detail = `it needs ${needed}, not ${describeType(type)}`;
    const span = state.text.span(block.path.loc);
    state.diagnostics.push(
      report('SL817', span, { helper: `{{#${name}}}`, detail }),
    );
  }

  const frame = blockFrame(block, name, value, inner);
  checkProgram(block.program, innerContext(context, frame), state);
  checkProgram(block.inverse, context, state);
}

function blockFrame(
  block: BlockStatement,
  name: 'each' | 'with',
  value: Resolved,
  inner: Type,
): Frame {
  const { line, column } = block.loc.start;
  const base = value.key ?? `(${line}:${column})`;
  const key = name === 'each' ? `${base}[]` : base;
  const item: Resolved = { type: inner, key, text: '' };
  const names = block.program.blockParams ?? [];
  const blockParams = new Map<string, Resolved>();
  const [itemName, indexName] = names;
  if (itemName !== undefined)
    blockParams.set(itemName, { ...item, text: itemName });
  if (indexName !== undefined && name === 'each') {
    const index = {
      type: scalarType('integer'),
      key: undefined,
      text: indexName,
    };
    blockParams.set(indexName, index);
  }
  return { value: item, blockParams, loop: name === 'each' };
}
