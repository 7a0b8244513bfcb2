import { offerType } from '../checking/scopes.js';
import {
  describeType,
  objectType,
  optionalType,
  scalarType,
  type Type,
} from '../language/types.js';
import type { Workspace } from '../workspace/workspace.js';
import type { TemplateSend } from './template-sends.js';

/** What the variables of one template are, from the sends that use it. */
export interface TemplateScope {
  /** The variables at the top level of the template, with their types. */
  readonly roots: ReadonlyMap<string, Type>;
  /** `offer` or `event` when the template cannot use it, with the reason. */
  readonly absent: ReadonlyMap<string, string>;
  /** Event fields that only some of the events leading here have. */
  readonly partialEventFields: ReadonlyMap<string, string>;
  /** A send that makes the template marketing, if any. */
  readonly marketingSender: string | undefined;
}

/** Roots every template has, whoever sends it. */
export const alwaysRoots: readonly string[] = [
  'member',
  'params',
  'unsubscribe_url',
  'preferences_url',
];

/**
 * The scope of a template. `offer` is there when a send carries one
 * (optional when only some do); `event` when every send comes from an
 * event-triggered journey, with the fields all those events share.
 */
export function templateScope(
  sends: readonly TemplateSend[],
  workspace: Pick<Workspace, 'model' | 'parameters'>,
): TemplateScope {
  const roots = new Map<string, Type>(baseRoots(workspace));
  const absent = new Map<string, string>();

  const offer = offerRoot(sends);
  if (typeof offer === 'string') absent.set('offer', offer);
  else roots.set('offer', offer);

  const event = eventRoot(sends, workspace);
  if (typeof event.type === 'string') absent.set('event', event.type);
  else roots.set('event', event.type);

  return {
    roots,
    absent,
    partialEventFields: event.partial,
    marketingSender: sends.find((send) => send.marketing)?.sender,
  };
}

function baseRoots(
  workspace: Pick<Workspace, 'model' | 'parameters'>,
): [string, Type][] {
  const params = new Map<string, Type>();
  for (const [name, parameter] of workspace.parameters)
    params.set(name, parameter.type);
  return [
    ['member', workspace.model.member],
    ['params', objectType(params)],
    ['unsubscribe_url', scalarType('string')],
    ['preferences_url', scalarType('string')],
  ];
}

/** The type of `offer`, or why there is none. */
function offerRoot(sends: readonly TemplateSend[]): Type | string {
  if (sends.length === 0) return 'no journey sends this template';
  const carrying = sends.filter((send) => send.offer).length;
  if (carrying === 0) return 'no send of this template carries an offer';
  return carrying === sends.length ? offerType : optionalType(offerType);
}

interface EventRoot {
  readonly type: Type | string;
  readonly partial: ReadonlyMap<string, string>;
}

/** The type of `event`: the fields common to every entry event. */
function eventRoot(
  sends: readonly TemplateSend[],
  workspace: Pick<Workspace, 'model'>,
): EventRoot {
  const none = new Map<string, string>();
  const first = sends[0];
  if (first === undefined)
    return { type: 'no journey sends this template', partial: none };
  const without = sends.find((send) => send.event === undefined);
  if (without !== undefined) return { type: without.noEvent, partial: none };

  const fields = new Map<string, Map<string, Type>>();
  for (const send of sends) {
    const name = send.event ?? '';
    const event = workspace.model.events.get(name);
    if (event === undefined)
      return { type: `the event type "${name}" is unknown`, partial: none };
    if (event.type.kind === 'object')
      fields.set(`${send.sender} (${name})`, new Map(event.type.properties));
  }
  return commonFields(fields);
}

/** The fields of equal type in every event, and notes on the others. */
function commonFields(events: Map<string, Map<string, Type>>): EventRoot {
  const all = [...events.values()];
  const names = new Set(all.flatMap((fields) => [...fields.keys()]));
  const common = new Map<string, Type>();
  const partial = new Map<string, string>();

  for (const name of names) {
    const types = all.map((fields) => fields.get(name));
    const first = types[0];
    const same =
      first !== undefined &&
      types.every(
        (type) =>
          type !== undefined && describeType(type) === describeType(first),
      );
    if (same) common.set(name, first);
    else partial.set(name, partialNote(name, events));
  }
  return { type: objectType(common), partial };
}

function partialNote(
  name: string,
  events: Map<string, Map<string, Type>>,
): string {
  const having: string[] = [];
  const lacking: string[] = [];
  for (const [sender, fields] of events) {
    const type = fields.get(name);
    if (type === undefined) lacking.push(sender);
    else having.push(`${sender} as ${describeType(type)}`);
  }
  const missing =
    lacking.length === 0 ? 'with different types' : `not ${lacking.join(', ')}`;
  return ` The events that lead here differ: ${having.join(', ')} has it, ${missing}.`;
}
