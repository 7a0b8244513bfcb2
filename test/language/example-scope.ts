import type { Scope } from '../../src/language/scope.js';
import {
  enumType,
  listType,
  objectType,
  optionalType,
  scalarType,
} from '../../src/language/types.js';
import type { Type } from '../../src/language/types.js';

/*
 * The scope the examples of docs/language.md are written against: the
 * member and purchase event of the programme, as a Model would declare them.
 */

const string = scalarType('string');
const integer = scalarType('integer');
const boolean = scalarType('boolean');
const money = scalarType('money');
const date = scalarType('date');
const datetime = scalarType('datetime');

const area = enumType(['fashion', 'home', 'beauty']);
const channel = enumType(['store', 'online']);

export function object(properties: Readonly<Record<string, Type>>): Type {
  return objectType(new Map(Object.entries(properties)));
}

/** A purchase of the member's history. */
export const examplePurchase = object({
  at: datetime,
  amount: money,
  area,
  channel,
});

/** The member attributes of the example Model. */
export const exampleAttributes: Readonly<Record<string, Type>> = {
  id: string,
  email: optionalType(string),
  birth_date: optionalType(date),
  joined_at: datetime,
  last_purchase_at: optionalType(datetime),
  level: enumType(['member', 'plus1500', 'plus10000']),
  consent: object({ email: boolean, sms: boolean }),
  email_quarantined: boolean,
  purchases: listType(examplePurchase),
  bonus_balance: money,
};

export const exampleMember = object(exampleAttributes);

/** The purchase event, with the `at` and `type` every event has. */
export const examplePurchaseEvent = object({
  amount: money,
  area,
  channel,
  at: datetime,
  type: string,
});

/** The last offer a journey issued, as journey conditions see it. */
export const exampleOffer = object({
  id: string,
  code: string,
  issued_at: datetime,
  expires_at: datetime,
  redeemed: boolean,
});

/** Every root: an event-triggered condition of a journey that sent offers. */
export const exampleScope: Scope = {
  roots: new Map<string, Type>([
    ['member', exampleMember],
    ['event', examplePurchaseEvent],
    ['offer', exampleOffer],
    ['params', object({ winback_after_days: integer })],
    ['segment', object({ lapsed_12m: boolean, beauty_loyal: boolean })],
  ]),
};

/** The same without `event`, as a scheduled journey's audience sees it. */
export const scheduledScope: Scope = {
  roots: new Map([...exampleScope.roots].filter(([name]) => name !== 'event')),
};

/** The example scope with a purchase history kept for 365 days. */
export const retainedScope: Scope = {
  roots: new Map([
    ...exampleScope.roots,
    [
      'member',
      object({
        ...exampleAttributes,
        purchases: listType(examplePurchase, { by: 'at', days: 365 }),
      }),
    ],
  ]),
};
