import type { ChannelName, CategoryName, ProgramJourney } from './program.js';
import type { PlannedEntry } from './entry-answers.js';

/** What happened to one message the journeys wanted to send. */
export interface SendRecord {
  /** Epoch milliseconds of the decision. */
  readonly at: number;
  readonly member: string;
  readonly journey: string;
  readonly step: string;
  readonly category: CategoryName;
  /** The channel it went out on (after any fallback). */
  readonly channel: ChannelName;
  readonly template: string;
  readonly offer: string | null;
  readonly offerCode: string | null;
  readonly outcome: 'sent' | 'held_back' | 'deferred';
  /** The contact rule that held it back or deferred it. */
  readonly rule: string | null;
}

/** What a message's template sees besides its member. */
export interface MessageValues {
  /** The entry event of the sending journey; null without one. */
  readonly event: Readonly<Record<string, unknown>> | null;
  /**
   * The offer the message is about: the one its send issued, or the one an
   * offer reminder reminds of; null without one.
   */
  readonly offer: IssuedOffer | null;
}

/** Receives what the engine decides, as it decides it. */
export interface EngineListener {
  onSend?(record: SendRecord, message: MessageValues): void;
  onEnter?(member: string, journey: string, at: number): void;
  onLeave?(member: string, journey: string, at: number, reason: string): void;
  /**
   * Which way a member went at a branching step: `then`/`else` at a branch,
   * the variant id or `holdout` at a split, `event`/`timeout` at a wait.
   */
  onPath?(member: string, journey: string, step: string, path: string): void;
}

/** An offer issued to a member; also the `offer` conditions see. */
export interface IssuedOffer {
  readonly id: string;
  readonly code: string;
  readonly issued_at: number;
  readonly expires_at: number;
  redeemed: boolean;
  readonly percent: number;
  readonly amount: number;
  readonly minimum_purchase: number;
  /** The journey that issued it, whose category its reminders take. */
  readonly journey: ProgramJourney;
}

/** A member's run through one journey. */
export interface Instance {
  readonly journey: ProgramJourney;
  readonly memberIndex: number;
  readonly enteredAt: number;
  /** The entry event, for event-triggered journeys. */
  readonly event: Record<string, unknown> | null;
  pc: number;
  offer: IssuedOffer | null;
  /** Raised whenever the instance moves on, to void stale wake-ups. */
  token: number;
  /** The event type it waits for, at a wait_event instruction. */
  waitingFor: string | null;
  done: boolean;
}

/** What the engine keeps per member, made on first need. */
export interface MemberState {
  instances: Instance[];
  /**
   * Journeys entered, as pairs of journey index and last entry instant
   * (flat: [index, at, index, at, ...]). Most members enter a few of the
   * journeys, so this is far smaller than a slot for every journey.
   */
  lastEntered: number[];
  /** Sends that count for some cap: instant, channel and category. */
  sends: {
    at: number;
    channel: ChannelName;
    category: CategoryName;
  }[];
  offers: IssuedOffer[];
}

/** A message waiting for its contact-policy decision. */
export interface PendingSend {
  readonly memberIndex: number;
  readonly journey: ProgramJourney;
  readonly step: string;
  readonly channel: ChannelName;
  readonly template: string;
  readonly offer: string | null;
  /** Decides consent, caps and quiet hours: the send's or its journey's. */
  readonly category: CategoryName;
  /** The instance to continue once decided; null for offer reminders. */
  readonly instance: Instance | null;
  /** The offer an offer reminder reminds of; null for journey sends. */
  readonly reminded: IssuedOffer | null;
  readonly seq: number;
}

/** Something the engine does at an instant (see Agenda). */
export type EngineTask =
  | {
      readonly kind: 'event';
      readonly memberIndex: number;
      readonly event: Record<string, unknown>;
    }
  | {
      readonly kind: 'wake';
      readonly instance: Instance;
      readonly token: number;
    }
  | {
      readonly kind: 'timeout';
      readonly instance: Instance;
      readonly token: number;
    }
  | {
      readonly kind: 'reminder';
      readonly memberIndex: number;
      readonly offer: IssuedOffer;
      readonly index: number;
    }
  | { readonly kind: 'deliver'; readonly send: PendingSend }
  | { readonly kind: 'entry'; readonly plan: PlannedEntry };
