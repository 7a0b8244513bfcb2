import type { Span } from '../diagnostics/source-file.js';
import type { Channel } from './workspace.js';

/** A member of a fixture, with attributes in their runtime form. */
export interface FixtureMember {
  readonly id: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly span: Span;
}

/** An event of a fixture, with its payload in runtime form. */
export interface FixtureEvent {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly member: string;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly span: Span;
}

/** What a fixture expects of the simulation. */
export type Expectation =
  | {
      readonly kind: 'receives';
      readonly member: string;
      readonly template: string;
      readonly channel: Channel | undefined;
      /** Local day number of the send, when given. */
      readonly day: number | undefined;
      readonly offer: string | undefined;
      readonly span: Span;
    }
  | {
      readonly kind: 'never_receives';
      readonly member: string;
      readonly template: string;
      readonly span: Span;
    }
  | {
      readonly kind: 'leaves';
      readonly member: string;
      readonly journey: string;
      readonly reason: string | undefined;
      readonly span: Span;
    }
  | {
      readonly kind: 'held_back';
      readonly member: string;
      readonly template: string | undefined;
      readonly rule: string;
      readonly span: Span;
    };

/** A small, exact scenario that `slinga test` simulates and checks. */
export interface Fixture {
  readonly id: string;
  readonly description: string | undefined;
  /** Local day number of the first day. */
  readonly startDay: number;
  readonly days: number;
  readonly members: readonly FixtureMember[];
  readonly events: readonly FixtureEvent[];
  readonly expectations: readonly Expectation[];
  readonly span: Span;
}
