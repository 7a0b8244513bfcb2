import type { Type } from '../../language/types.js';
import { millisecondsPerDay } from '../../runtime/calendar.js';
import { assertNever } from '../../support/assert-never.js';
import {
  DayClock,
  Profile,
  firstMemberNumber,
  valueTierOf,
  type Filler,
} from './member-profile.js';
import { areas, levelOf, purchaseChannels } from './programme-facts.js';
import type { Random } from './random.js';

/*
 * Writing a drawn profile as attributes of the Model: programme-shaped
 * values for the attributes the programme knows, a plausible value of its
 * Type for any other.
 */

/** Makes a filler for an attribute whose Type accepts it, else undefined. */
type KnownAttribute = (type: Type, clock: DayClock) => Filler | undefined;

const text =
  (get: (profile: Profile) => string | null): KnownAttribute =>
  (type) =>
    type.kind === 'string' ? get : undefined;

const flag =
  (get: (profile: Profile) => boolean): KnownAttribute =>
  (type) =>
    type.kind === 'boolean' ? get : undefined;

const instant =
  (get: (profile: Profile) => number | null): KnownAttribute =>
  (type) =>
    type.kind === 'datetime' ? get : undefined;

const calendarDay =
  (get: (profile: Profile) => number | null): KnownAttribute =>
  (type) =>
    type.kind === 'date' ? get : undefined;

const amount =
  (get: (profile: Profile) => number): KnownAttribute =>
  (type) =>
    type.kind === 'money' || type.kind === 'number' || type.kind === 'integer'
      ? get
      : undefined;

const choice =
  (
    values: readonly string[],
    get: (profile: Profile) => string,
  ): KnownAttribute =>
  (type) =>
    acceptsChoice(type, values) ? get : undefined;

/** Whether a Type holds every one of these strings. */
export function acceptsChoice(type: Type, values: readonly string[]): boolean {
  if (type.kind === 'string') return true;
  return (
    type.kind === 'enum' && values.every((value) => type.values.includes(value))
  );
}

const consent: KnownAttribute = (type, clock) => {
  if (type.kind !== 'object') return undefined;
  const flags = new Map<string, KnownAttribute>([
    ['email', flag((profile) => profile.consentEmail)],
    ['sms', flag((profile) => profile.consentSms)],
    ['children', flag((profile) => profile.consentChildren)],
  ]);
  return objectFiller(type.properties, (name, property) =>
    knownOrDefault(flags.get(name), name, property, clock),
  );
};

/** The fields of one purchase in a history, at position `item`. */
const purchaseFields = new Map<string, KnownAttribute>([
  [
    'at',
    (type) =>
      type.kind === 'datetime' ? (p, _, item) => p.purchaseAt[item] : undefined,
  ],
  [
    'amount',
    (type) =>
      type.kind === 'money' || type.kind === 'number' || type.kind === 'integer'
        ? (p, _, item) => p.purchaseAmount[item]
        : undefined,
  ],
  [
    'area',
    (type) =>
      acceptsChoice(type, areas)
        ? (p, _, item) => areas[p.purchaseArea[item] ?? 0]
        : undefined,
  ],
  [
    'channel',
    (type) =>
      acceptsChoice(type, purchaseChannels)
        ? (p, _, item) => purchaseChannels[p.purchaseOnline[item] ?? 0]
        : undefined,
  ],
  [
    'store',
    (type) =>
      type.kind === 'string'
        ? (p, _, item) => (p.purchaseOnline[item] === 1 ? null : p.store)
        : undefined,
  ],
]);

const purchases: KnownAttribute = (type, clock) => {
  if (type.kind !== 'list' || type.item.kind !== 'object') return undefined;
  const writeItem = objectFiller(type.item.properties, (name, property) =>
    knownOrDefault(purchaseFields.get(name), name, property, clock),
  );
  return (profile, random) => {
    // Sized up front: a list grown by push reserves room for 17 items.
    const count = profile.count;
    const list = new Array<unknown>(count);
    for (let item = 0; item < count; item++) {
      list[item] = writeItem(profile, random, count - 1 - item);
    }
    return list;
  };
};

/** Attributes of the programme's Model, by name. */
const knownAttributes = new Map<string, KnownAttribute>([
  [
    'id',
    (type) =>
      type.kind === 'string'
        ? (profile) => profile.id
        : type.kind === 'integer' || type.kind === 'number'
          ? (profile) => firstMemberNumber + profile.index
          : undefined,
  ],
  ['first_name', text((profile) => profile.firstName)],
  ['email', text((profile) => profile.email)],
  ['phone', text((profile) => profile.phone)],
  ['email_confirmed', flag((profile) => profile.emailConfirmed)],
  ['email_quarantined', flag((profile) => profile.quarantined)],
  ['civic_number_valid', flag((profile) => profile.civicValid)],
  ['joined_at', instant((profile) => profile.joinedAt)],
  ['birth_date', calendarDay((profile) => profile.birthDay)],
  [
    'gender',
    choice(['female', 'male', 'other', 'unknown'], (profile) => profile.gender),
  ],
  [
    'level',
    choice(['member', 'plus1500', 'plus10000'], (profile) =>
      levelOf(profile.spend12),
    ),
  ],
  ['consent', consent],
  ['store', text((profile) => profile.store)],
  ['purchases', purchases],
  ['last_purchase_at', instant((profile) => profile.lastPurchaseAt)],
  ['last_email_open_at', instant((profile) => profile.lastOpenAt)],
  ['bonus_balance', amount((profile) => profile.bonus)],
  ['first_bonus_earned', flag((profile) => profile.lastPurchaseAt !== null)],
  ['received_welcome_offer', flag((profile) => profile.receivedWelcomeOffer)],
  ['value_tier', choice(['top', 'high', 'medium', 'low'], valueTierOf)],
  ['spend_12m', amount((profile) => profile.spend12)],
  ['spend_prev_12m', amount((profile) => profile.spendPrevious12)],
]);

export function attributeFiller(
  name: string,
  type: Type,
  clock: DayClock,
): Filler {
  return knownOrDefault(knownAttributes.get(name), name, type, clock);
}

/**
 * The known filler when it fits the Type, else the Type's default. A known
 * filler may give null for an absent value; a required attribute then gets
 * its Type's default instead.
 */
function knownOrDefault(
  known: KnownAttribute | undefined,
  name: string,
  type: Type,
  clock: DayClock,
): Filler {
  const fallback = defaultFiller(name, type, clock);
  const optional = type.kind === 'optional';
  const inner = optional ? type.inner : type;
  const fill = known?.(inner, clock);
  if (fill === undefined) return fallback;
  if (optional) return fill;
  return (profile, random, item) =>
    fill(profile, random, item) ?? fallback(profile, random, item);
}

/** Writes an object of these property types, one filler per property. */
export function objectFiller(
  properties: ReadonlyMap<string, Type>,
  fillerOf: (name: string, type: Type) => Filler,
): Filler {
  const names = [...properties.keys()];
  const fillers = names.map((name) =>
    fillerOf(name, properties.get(name) ?? { kind: 'error' }),
  );
  const build = objectBuilder(names);
  const values = new Array<unknown>(names.length).fill(null);
  return (profile, random, item) => {
    for (let index = 0; index < fillers.length; index++) {
      values[index] = (fillers[index] as Filler)(profile, random, item);
    }
    return build(values);
  };
}

/** A plausible value of a Type, for attributes the programme does not know. */
function defaultFiller(name: string, type: Type, clock: DayClock): Filler {
  const value = defaultValue(name, type, clock);
  return (_profile, random) => value(random);
}

/**
 * Makes plausible values of a Type: strings from a small pool named after
 * the field (so millions of members share a few strings), numbers in modest
 * ranges, dates and datetimes in the two years before the start day.
 */
export function defaultValue(
  name: string,
  type: Type,
  clock: DayClock,
): (random: Random) => unknown {
  switch (type.kind) {
    case 'string': {
      const pool = Array.from(
        { length: 12 },
        (_, index) => `${name} ${index + 1}`,
      );
      return (random) => random.pick(pool);
    }
    case 'integer':
      return (random) => random.int(100);
    case 'number':
      return (random) => random.int(10_000) / 100;
    case 'money':
      return (random) => random.int(200) * 10;
    case 'boolean':
      return (random) => random.chance(0.5);
    case 'date':
      return (random) => clock.startDay - 1 - random.int(730);
    case 'datetime':
      return (random) =>
        clock.at(clock.startDay - 1 - random.int(730), random.int(1_440));
    case 'duration':
      return (random) => (1 + random.int(30)) * millisecondsPerDay;
    case 'enum': {
      const values = type.values;
      return (random) => (values.length === 0 ? null : random.pick(values));
    }
    case 'list': {
      const item = defaultValue(name, type.item, clock);
      return (random) =>
        Array.from({ length: random.int(4) }, () => item(random));
    }
    case 'object': {
      const write = objectFiller(type.properties, (property, propertyType) =>
        defaultFiller(property, propertyType, clock),
      );
      const profile = new Profile();
      return (random) => write(profile, random, 0);
    }
    case 'optional': {
      const inner = defaultValue(name, type.inner, clock);
      return (random) => (random.chance(0.8) ? inner(random) : null);
    }
    case 'error':
      return () => null;
    default:
      return assertNever(type);
  }
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Makes objects with these keys, in this order. Every object it makes has
 * the same hidden class with fast in-object properties, which V8 does not
 * give objects built key by key past a dozen keys; compiled conditions read
 * millions of them per simulated day.
 */
export function objectBuilder(
  keys: readonly string[],
): (values: readonly unknown[]) => Record<string, unknown> {
  if (!keys.every((key) => identifier.test(key) && key !== '__proto__')) {
    return (values) =>
      Object.fromEntries(keys.map((key, index) => [key, values[index]]));
  }
  const fields = keys
    .map((key, index) => `${key}: values[${index}]`)
    .join(', ');
  // The keys are checked identifiers; generated code is the only way to get
  // an object literal of a shape known at run time.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const build = new Function('values', `return { ${fields} };`) as (
    values: readonly unknown[],
  ) => Record<string, unknown>;

  // V8 types each field by the first values it holds. A field that held
  // only whole numbers and is then given a fraction (an event effect adding
  // 2 % bonus) changes type, and every object already made is rebuilt on
  // its next read: seconds for millions of members. A first object holding
  // objects makes every field general from the start.
  build(keys.map(() => ({})));
  return build;
}
