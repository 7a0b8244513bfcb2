import type {
  CompiledCondition,
  ConditionContext,
} from './condition-context.js';
import type { RetainedList } from './assign-attribute.js';
import type { TimeZone } from './time-zone.js';

/**
 * A workspace compiled for running: journeys flattened into instructions,
 * conditions compiled to functions. The simulator and the emitted trigger
 * code run the same Program on the same engine, so they cannot drift.
 */

export type ChannelName = 'email' | 'sms';
export type CategoryName = 'transactional' | 'lifecycle' | 'event_driven';

/**
 * One instruction of a journey; `next` and the like index the code array.
 * `C` is the form of its conditions: compiled functions when it runs.
 */
export type Instruction<C = CompiledCondition> =
  | {
      readonly op: 'send';
      readonly step: string;
      readonly channel: ChannelName;
      readonly template: string;
      readonly offer: string | null;
      /** The send's own category; null: the journey's. */
      readonly category: CategoryName | null;
      readonly next: number;
    }
  | {
      readonly op: 'wait_duration';
      readonly step: string;
      readonly ms: number;
      readonly next: number;
    }
  | {
      readonly op: 'wait_until';
      readonly step: string;
      readonly minute: number;
      readonly next: number;
    }
  | {
      readonly op: 'wait_event';
      readonly step: string;
      readonly event: string;
      readonly when: C | null;
      readonly timeoutMs: number;
      readonly onEvent: number;
      readonly onTimeout: number;
    }
  | {
      readonly op: 'branch';
      readonly step: string;
      readonly when: C;
      readonly then: number;
      readonly else: number;
    }
  | {
      readonly op: 'split';
      readonly step: string;
      /** Variants with the cumulative share (percent) each covers up to. */
      readonly variants: readonly {
        readonly id: string;
        readonly upTo: number;
        readonly start: number;
      }[];
    }
  | {
      readonly op: 'update';
      readonly step: string;
      readonly assignments: readonly {
        readonly attribute: string;
        readonly value: C;
      }[];
      readonly next: number;
    }
  | { readonly op: 'exit'; readonly step: string; readonly reason: string }
  | { readonly op: 'end' };

export type JourneyEntry<C = CompiledCondition> =
  | {
      readonly kind: 'event';
      readonly event: string;
      readonly when: C | null;
    }
  | {
      readonly kind: 'schedule';
      readonly every: 'day' | 'week' | 'month';
      readonly atMinute: number;
      readonly weekday: number;
      readonly dayOfMonth: number;
      readonly audience: C | null;
    }
  | {
      readonly kind: 'segment';
      readonly segment: string;
      readonly atMinute: number;
    };

export interface ProgramJourney<C = CompiledCondition> {
  readonly id: string;
  /** Position in Program.journeys. */
  readonly index: number;
  /** Position in the priority order: lower wins when sends compete. */
  readonly rank: number;
  readonly category: CategoryName;
  readonly entry: JourneyEntry<C>;
  /** -1: never again; 0: always; else milliseconds after the last entry. */
  readonly reEntryAfterMs: number;
  readonly exitEvents: readonly {
    readonly event: string;
    readonly when: C | null;
  }[];
  readonly exitConditions: readonly C[];
  readonly goal: {
    readonly event: string;
    readonly withinMs: number;
    readonly when: C | null;
  } | null;
  readonly code: readonly Instruction<C>[];
  /** Where members start in `code`. */
  readonly start: number;
}

export interface ProgramOffer {
  readonly id: string;
  readonly percent: number;
  readonly amount: number;
  readonly minimumPurchase: number;
  readonly channels: readonly string[];
  readonly areas: readonly string[];
  readonly validityMs: number;
  readonly oncePerMember: boolean;
  readonly reminders: readonly {
    readonly beforeExpiryMs: number;
    readonly template: string;
    readonly channel: ChannelName;
  }[];
}

export interface ProgramPolicy<C = CompiledCondition> {
  readonly consent: Readonly<Partial<Record<ChannelName, C>>>;
  readonly caps: readonly {
    readonly id: string;
    readonly max: number;
    readonly windowMs: number;
    readonly categories: readonly CategoryName[];
    readonly channels: readonly ChannelName[];
  }[];
  readonly quietHours: readonly {
    readonly id: string;
    readonly channel: ChannelName;
    readonly fromMinute: number;
    readonly toMinute: number;
    readonly action: 'defer' | 'drop';
  }[];
  readonly fallbacks: readonly {
    readonly from: ChannelName;
    readonly to: ChannelName;
    readonly when: C;
  }[];
  readonly transactionalExempt: boolean;
}

/**
 * What an event does to the member it happens to, before journeys see it.
 * Called with the context set to that member and event.
 */
export type EventEffect = (c: ConditionContext) => void;

export interface Program {
  readonly timeZone: TimeZone;
  readonly journeys: readonly ProgramJourney[];
  readonly offers: ReadonlyMap<string, ProgramOffer>;
  readonly policy: ProgramPolicy;
  readonly params: Record<string, unknown>;
  readonly segments: Record<string, (c: ConditionContext) => boolean>;
  /** `channel:template` of every template that exists. */
  readonly templates: ReadonlySet<string>;
  /** The event type that redeems offers. */
  readonly purchaseEvent: string;
  readonly eventEffects: ReadonlyMap<string, EventEffect>;
  /** Member lists whose items are dropped once past their retention. */
  readonly retainedLists: readonly RetainedList[];
}
