import type { Scope } from '../language/scope.js';
import {
  objectType,
  optionalType,
  scalarType,
  type Type,
} from '../language/types.js';
import type { Workspace } from '../workspace/workspace.js';

/** What a condition sees besides the member, parameters and segments. */
export interface ScopeExtras {
  /** The event type `event` stands for, if any. */
  readonly event?: string | undefined;
  /** Whether `offer` is in scope, and whether it is known to be issued. */
  readonly offer?: 'issued' | 'maybe' | undefined;
}

/** The type of `offer`: the last offer a journey issued to the member. */
export const offerType: Type = objectType(
  new Map<string, Type>([
    ['id', scalarType('string')],
    ['code', scalarType('string')],
    ['issued_at', scalarType('datetime')],
    ['expires_at', scalarType('datetime')],
    ['redeemed', scalarType('boolean')],
    ['percent', scalarType('number')],
    ['amount', scalarType('money')],
    ['minimum_purchase', scalarType('money')],
  ]),
);

/** Builds the scopes of a workspace's conditions. */
export class ScopeFactory {
  private readonly baseRoots: ReadonlyMap<string, Type>;

  constructor(
    private readonly workspace: Pick<
      Workspace,
      'model' | 'parameters' | 'segments'
    >,
  ) {
    const params = new Map<string, Type>();
    for (const [name, parameter] of workspace.parameters)
      params.set(name, parameter.type);
    const segments = new Map<string, Type>();
    for (const name of workspace.segments.keys())
      segments.set(name, scalarType('boolean'));
    this.baseRoots = new Map<string, Type>([
      ['member', workspace.model.member],
      ['params', objectType(params)],
      ['segment', objectType(segments)],
    ]);
  }

  /** The scope for a condition with the given extras. */
  scope(extras: ScopeExtras = {}): Scope {
    const roots = new Map(this.baseRoots);
    const event =
      extras.event === undefined
        ? undefined
        : this.workspace.model.events.get(extras.event);
    if (event !== undefined) roots.set('event', event.type);
    if (extras.offer === 'issued') roots.set('offer', offerType);
    if (extras.offer === 'maybe') roots.set('offer', optionalType(offerType));
    return { roots };
  }
}
