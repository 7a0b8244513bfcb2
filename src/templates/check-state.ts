import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { objectType, type Type } from '../language/types.js';
import type { TemplateText } from './handlebars-syntax.js';
import type { TemplateScope } from './template-scope.js';

/** A value a template expression stands for, as far as the checker knows. */
export interface Resolved {
  readonly type: Type;
  /**
   * The value's path from the top of the template (`member.first_name`,
   * `member.purchases[].amount`): what an `{{#if}}` guard is keyed by.
   * Undefined for values computed by helpers.
   */
  readonly key: string | undefined;
  /** How to name the value in messages. */
  readonly text: string;
}

/** A Handlebars context: the top level, or the inside of each and with. */
export interface Frame {
  readonly value: Resolved;
  /** Block parameters (`as |item index|`) declared by this block. */
  readonly blockParams: ReadonlyMap<string, Resolved>;
  /** Whether it is the inside of an each (where @index and friends exist). */
  readonly loop: boolean;
}

/** Where a statement stands: its contexts and the values known present. */
export interface Context {
  /** The contexts from the top level in, the current one last. */
  readonly frames: readonly Frame[];
  /** Keys of the optional values an enclosing `{{#if}}` has tested. */
  readonly guards: ReadonlySet<string>;
}

/** What checking one template part collects. */
export interface CheckState {
  readonly text: TemplateText;
  readonly scope: TemplateScope;
  /** The part is HTML (the email body): triple braces are refused. */
  readonly html: boolean;
  readonly diagnostics: Diagnostic[];
  /** Text offsets of `format_date` calls whose argument is a datetime. */
  readonly datetimeCalls: number[];
  /** Whether the part shows `{{unsubscribe_url}}`. */
  showsUnsubscribe: boolean;
}

/** The context at the top of a template. */
export function topContext(scope: TemplateScope): Context {
  const top: Frame = {
    value: { type: objectType(scope.roots), key: '', text: '' },
    blockParams: new Map(),
    loop: false,
  };
  return { frames: [top], guards: new Set() };
}

/** The context inside a block that sets a new `this`. */
export function innerContext(context: Context, frame: Frame): Context {
  return { frames: [...context.frames, frame], guards: context.guards };
}

/** The context inside a block that tested a value. */
export function guardedContext(
  context: Context,
  key: string | undefined,
): Context {
  if (key === undefined) return context;
  return { frames: context.frames, guards: new Set([...context.guards, key]) };
}

/** A path key extended by a field name. */
export function childKey(
  key: string | undefined,
  name: string,
): string | undefined {
  if (key === undefined) return undefined;
  return key === '' ? name : `${key}.${name}`;
}

/** A message name extended by a field name. */
export function childText(text: string, name: string): string {
  return text === '' ? name : `${text}.${name}`;
}
