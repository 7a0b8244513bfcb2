import type { Span } from '../diagnostics/source-file.js';
import type { Condition } from './condition.js';
import type { Category, Channel } from './workspace.js';

/** A cap on sends in a rolling window. */
export interface Cap {
  readonly id: string;
  readonly max: number;
  readonly windowMs: number;
  readonly categories: readonly Category[];
  readonly channels: readonly Channel[];
  readonly span: Span;
}

/** Hours in which a channel does not send; `to` may be past midnight. */
export interface QuietHours {
  readonly id: string;
  readonly channel: Channel;
  /** Minutes after local midnight. */
  readonly fromMinute: number;
  readonly toMinute: number;
  readonly action: 'defer' | 'drop';
  readonly span: Span;
}

/** Sends on `from` go out on `to` instead while the condition holds. */
export interface Fallback {
  readonly from: Channel;
  readonly to: Channel;
  readonly when: Condition;
  readonly span: Span;
}

/** The rules for contacting members across all journeys. */
export interface ContactPolicy {
  readonly id: string;
  readonly timeZone: string;
  readonly consent: ReadonlyMap<Channel, Condition>;
  readonly caps: readonly Cap[];
  readonly quietHours: readonly QuietHours[];
  readonly fallbacks: readonly Fallback[];
  /** Journey ids, most important first. */
  readonly priorities: readonly string[];
  readonly transactionalExempt: boolean;
  readonly span: Span;
}
