import type { Span } from '../diagnostics/source-file.js';
import type { Type } from '../language/types.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import type { Condition } from './condition.js';
import type { Journey } from './journey.js';
import type { ContactPolicy } from './contact-policy.js';
import type { Fixture } from './fixture.js';

/** The channels a message can go out on. */
export type Channel = 'email' | 'sms';
export const channels: readonly Channel[] = ['email', 'sms'];

/** Journey categories; transactional messages are exempt from the policy. */
export type Category = 'transactional' | 'lifecycle' | 'event_driven';
export const categories: readonly Category[] = [
  'transactional',
  'lifecycle',
  'event_driven',
];

/** A declared member attribute, event payload field or parameter. */
export interface Field {
  readonly name: string;
  readonly type: Type;
  readonly description: string | undefined;
  readonly span: Span;
}

/** What an event does to its member before journeys see it. */
export type EventEffect =
  | {
      readonly kind: 'update';
      readonly attribute: string;
      readonly value: Condition;
    }
  | {
      readonly kind: 'append';
      readonly attribute: string;
      readonly fields: readonly {
        readonly name: string;
        readonly value: Condition;
      }[];
      readonly span: Span;
    };

/** An event type of the Model. */
export interface EventType {
  readonly name: string;
  readonly description: string | undefined;
  /** The payload fields plus `at` and `type`. */
  readonly type: Type;
  readonly fields: ReadonlyMap<string, Field>;
  /** Attribute updates and list appends, in the order written. */
  readonly effects: readonly EventEffect[];
  readonly span: Span;
}

/** The Model: what a member is and which events happen to members. */
export interface MemberModel {
  readonly id: string;
  /** The member as an object type. */
  readonly member: Type;
  readonly attributes: ReadonlyMap<string, Field>;
  readonly events: ReadonlyMap<string, EventType>;
  readonly span: Span;
}

/** A named value from a Parameters document. */
export interface Parameter extends Field {
  /** The value in its runtime form (see src/language/types.ts). */
  readonly value: unknown;
}

/** A named condition over members. */
export interface Segment {
  readonly id: string;
  readonly description: string | undefined;
  readonly area: string | undefined;
  readonly group: string | undefined;
  readonly condition: Condition;
  readonly span: Span;
}

/** A reminder the offer sends before it expires, unless redeemed. */
export interface OfferReminder {
  readonly beforeExpiryMs: number;
  readonly template: string;
  readonly channel: Channel;
  readonly span: Span;
}

/** A discount issued to a member by a journey. */
export interface Offer {
  readonly id: string;
  readonly description: string | undefined;
  readonly discount:
    | { readonly kind: 'percent'; readonly percent: number }
    | { readonly kind: 'amount'; readonly amount: number };
  readonly minimumPurchase: number;
  /** Where it can be redeemed: `store`, `online`. */
  readonly channels: readonly string[];
  /** Business areas it is valid in; empty means all. */
  readonly areas: readonly string[];
  readonly validityMs: number;
  readonly oncePerMember: boolean;
  readonly reminders: readonly OfferReminder[];
  readonly span: Span;
}

/** The whole workspace, resolved: every reference is by id into these maps. */
export interface Workspace {
  readonly root: string;
  readonly model: MemberModel;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly segments: ReadonlyMap<string, Segment>;
  readonly offers: ReadonlyMap<string, Offer>;
  readonly policy: ContactPolicy;
  readonly journeys: ReadonlyMap<string, Journey>;
  readonly fixtures: ReadonlyMap<string, Fixture>;
  readonly templates: ReadonlyMap<string, TemplateSet>;
}

/** The templates of one id, per channel. */
export interface TemplateSet {
  readonly id: string;
  readonly email?: TemplateFile;
  readonly sms?: TemplateFile;
}

export type { Condition };
