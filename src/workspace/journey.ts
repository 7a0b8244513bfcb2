import type { Span } from '../diagnostics/source-file.js';
import type { Condition } from './condition.js';
import type { Category, Channel } from './workspace.js';

/** The days a weekly schedule may name, Monday first (index 0). */
export const weekdays: readonly string[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** How members enter a journey. */
export type Entry =
  | {
      readonly kind: 'event';
      readonly event: string;
      readonly when: Condition | undefined;
      readonly span: Span;
    }
  | {
      readonly kind: 'schedule';
      readonly every: 'day' | 'week' | 'month';
      /** Minutes after local midnight. */
      readonly atMinute: number;
      /** A position in `weekdays`, for weekly schedules. */
      readonly weekday: number;
      /** 1–28, for monthly schedules. */
      readonly dayOfMonth: number;
      readonly audience: Condition | undefined;
      readonly span: Span;
    }
  | {
      readonly kind: 'segment';
      readonly segment: string;
      readonly span: Span;
    };

/** Whether a member may enter a journey again. */
export type ReEntry =
  | { readonly kind: 'never' }
  | { readonly kind: 'always' }
  | { readonly kind: 'after'; readonly afterMs: number };

/** A reason to leave a journey early. */
export type ExitRule =
  | {
      readonly kind: 'event';
      readonly event: string;
      readonly when: Condition | undefined;
      readonly span: Span;
    }
  | {
      readonly kind: 'condition';
      readonly when: Condition;
      readonly span: Span;
    };

/** The journey's goal: an event within a window after entry. */
export interface Goal {
  readonly event: string;
  readonly withinMs: number;
  readonly when: Condition | undefined;
  readonly span: Span;
}

interface StepBase {
  /** The step's id: as written, or made from its position (`steps.2.then.0`). */
  readonly id: string;
  readonly span: Span;
}

export interface SendStep extends StepBase {
  readonly kind: 'send';
  readonly channel: Channel;
  readonly template: string;
  readonly offer: string | undefined;
  /** Overrides the journey's category for this send (a service message). */
  readonly category: Category | undefined;
}

export interface WaitDurationStep extends StepBase {
  readonly kind: 'wait_duration';
  readonly durationMs: number;
}

export interface WaitUntilStep extends StepBase {
  readonly kind: 'wait_until';
  /** Minutes after local midnight of the next such time. */
  readonly atMinute: number;
}

export interface WaitEventStep extends StepBase {
  readonly kind: 'wait_event';
  readonly event: string;
  readonly when: Condition | undefined;
  readonly timeoutMs: number;
  readonly onEvent: readonly Step[];
  readonly onTimeout: readonly Step[];
}

export interface BranchStep extends StepBase {
  readonly kind: 'branch';
  readonly when: Condition;
  readonly then: readonly Step[];
  readonly else: readonly Step[];
}

export interface SplitVariant {
  readonly id: string;
  /** Percent of the members who enter. */
  readonly share: number;
  readonly steps: readonly Step[];
}

export interface SplitStep extends StepBase {
  readonly kind: 'split';
  readonly variants: readonly SplitVariant[];
  /** Percent held out: they leave the journey without messages. */
  readonly holdout: number;
}

export interface UpdateStep extends StepBase {
  readonly kind: 'update';
  readonly assignments: readonly {
    readonly attribute: string;
    readonly value: Condition;
  }[];
}

export interface ExitStep extends StepBase {
  readonly kind: 'exit';
  readonly reason: string;
}

/** One step of a journey. */
export type Step =
  | SendStep
  | WaitDurationStep
  | WaitUntilStep
  | WaitEventStep
  | BranchStep
  | SplitStep
  | UpdateStep
  | ExitStep;

/** A journey: how members enter, what happens to them, and when they leave. */
export interface Journey {
  readonly id: string;
  readonly name: string;
  readonly description: string | undefined;
  readonly category: Category;
  readonly entry: Entry;
  readonly reEntry: ReEntry;
  readonly exitRules: readonly ExitRule[];
  readonly goal: Goal | undefined;
  readonly steps: readonly Step[];
  readonly span: Span;
}
