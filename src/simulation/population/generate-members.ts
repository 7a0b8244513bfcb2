import type { Type } from '../../language/types.js';
import {
  millisecondsPerDay,
  millisecondsPerMinute,
} from '../../runtime/calendar.js';
import type { TimeZone } from '../../runtime/time-zone.js';
import { assertNever } from '../../support/assert-never.js';
import type { MemberModel } from '../../workspace/workspace.js';
import {
  Random,
  deriveSeed,
  weighted,
  type WeightedChoices,
} from './random.js';
import { wholeBase, type PopulationBlock } from './population-blocks.js';

/** A simulated member: attributes in their runtime form, by name. */
export type Member = Record<string, unknown>;

/** What generateMembers needs besides the Model. */
export interface GenerateMembersOptions {
  readonly count: number;
  readonly seed: number;
  /** Local day number of the first simulated day: "today" for the base. */
  readonly startDay: number;
  readonly timeZone: TimeZone;
  /** The block of the base to generate; default: the whole base of `count`. */
  readonly block?: PopulationBlock;
}

/** The member number of the member at index 0; ids count up from it. */
export const firstMemberNumber = 100_000_000;

/**
 * Generates a member base shaped like the programme (2.1 M members, 81 %
 * bought in the last 12 months, 90 % women, average age 46, beauty the
 * largest area, most purchases in stores). Attributes the programme knows
 * get programme-shaped values; any other attribute gets a plausible value
 * of its Type, so any workspace's Model works. Same seed and block, same
 * members: each block draws from its own random stream.
 */
export function generateMembers(
  model: MemberModel,
  options: GenerateMembersOptions,
): Member[] {
  const block = options.block ?? wholeBase(options.count);
  const factory = new MemberFactory(model, options);
  const random = new Random(deriveSeed(options.seed, 0x6d656d62, block.index));
  const members: Member[] = [];
  for (let offset = 0; offset < block.count; offset++) {
    members.push(factory.existing(block.first + offset, random));
  }
  return members;
}

/** The member id of a member index. */
export function memberIdOf(index: number): string {
  return String(firstMemberNumber + index);
}

// --- The programme's facts -------------------------------------------------

/** Business areas (affärsområden); beauty is the largest. */
export const areas = ['fashion', 'home', 'beauty'] as const;
export const areaChoices = weighted<number>([
  [0, 33],
  [1, 22],
  [2, 45],
]);

/** Where members buy. */
export const purchaseChannels = ['store', 'online'] as const;

/** Department stores (varuhus), biggest first, weighted by members. */
export const stores = weighted<string>([
  ['Stockholm City', 14],
  ['Göteborg Nordstan', 8],
  ['Malmö Triangeln', 7],
  ['Uppsala', 5],
  ['Täby Centrum', 5],
  ['Västerås', 4],
  ['Örebro', 4],
  ['Linköping', 4],
  ['Helsingborg', 4],
  ['Norrköping', 3],
  ['Jönköping', 3],
  ['Umeå', 3],
  ['Lund', 3],
  ['Gävle', 3],
  ['Sundsvall', 2],
  ['Karlstad', 2],
  ['Halmstad', 2],
  ['Växjö', 2],
  ['Kalmar', 2],
  ['Luleå', 2],
]);

const femaleNames = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Kristina', 'Lena', 'Emma',
  'Kerstin', 'Ingrid', 'Marie', 'Malin', 'Jenny', 'Annika', 'Hanna',
  'Linda', 'Susanne', 'Elin', 'Johanna', 'Camilla', 'Sofia', 'Ida',
]; // prettier-ignore

const femaleEmailNames = femaleNames.map(emailName);

const maleNames = [
  'Lars', 'Mikael', 'Anders', 'Johan', 'Per', 'Erik', 'Karl', 'Peter',
  'Thomas', 'Jan', 'Daniel', 'Fredrik', 'Andreas', 'Hans', 'Magnus',
]; // prettier-ignore

const maleEmailNames = maleNames.map(emailName);

/** The part of a name that fits in an e-mail address. */
function emailName(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, 'e');
}

const genders = weighted<string>([
  ['female', 90],
  ['male', 8],
  ['other', 0.5],
  ['unknown', 1.5],
]);

/** Purchases in the last 12 months of an active member. */
const yearlyPurchases = weighted<number>([
  [1, 24],
  [2, 19],
  [3, 15],
  [4, 12],
  [5, 9],
  [6, 7],
  [7, 5],
  [8, 3.5],
  [10, 2.5],
  [12, 1.5],
  [16, 1],
  [24, 0.5],
]);

/** Price bands in SEK per area, as [low, high) with weights. */
const priceBands: readonly WeightedChoices<readonly [number, number]>[] = [
  weighted<readonly [number, number]>([
    [[199, 499], 30],
    [[499, 999], 40],
    [[999, 1999], 22],
    [[1999, 4999], 8],
  ]),
  weighted<readonly [number, number]>([
    [[99, 299], 30],
    [[299, 799], 40],
    [[799, 1999], 22],
    [[1999, 5999], 8],
  ]),
  weighted<readonly [number, number]>([
    [[99, 249], 35],
    [[249, 499], 40],
    [[499, 999], 20],
    [[999, 1999], 5],
  ]),
];

/** Share of a member's purchases made online: store-only, mixed, online-first. */
const onlineShares = weighted<number>([
  [0, 55],
  [0.3, 33],
  [0.75, 12],
]);

/** Level thresholds of 12-month spend in SEK (1500+ and 10000+). */
export const levelThresholds = { plus1500: 1_500, plus10000: 10_000 } as const;

/** The spend level a 12-month spend gives. */
export function levelOf(spend: number): string {
  if (spend >= levelThresholds.plus10000) return 'plus10000';
  return spend >= levelThresholds.plus1500 ? 'plus1500' : 'member';
}

/** A price in SEK for an area, ending in 9 like shop prices. */
export function drawPrice(random: Random, area: number): number {
  const bands = priceBands[area] ?? priceBands[0];
  if (bands === undefined) return 99;
  const [low, high] = random.pickWeighted(bands);
  return Math.floor(random.uniform(low, high) / 10) * 10 + 9;
}

// --- One member's story, drawn before it is written as attributes ---------

/** The most recent purchases kept in a member's history (bounds memory). */
const storedPurchases = 8;
const maximumPurchases = 64;
const programmeDays = 12 * 365;

/**
 * The programme-shaped facts of one member. One instance is reused for every
 * member, so drawing allocates nothing but the attribute values.
 */
class Profile {
  index = 0;
  id = '';
  gender = 'female';
  firstName: string | null = null;
  emailName = '';
  /** The first name's place in the name lists, for the e-mail pool. */
  nameSlot = 0;
  birthDay: number | null = null;
  joinedAt = 0;
  civicValid = true;
  email: string | null = null;
  emailConfirmed = false;
  quarantined = false;
  phone: string | null = null;
  consentEmail = false;
  consentSms = false;
  consentChildren = false;
  lastOpenAt: number | null = null;
  store = '';
  onlineShare = 0;
  favouriteArea = 2;
  /** Purchases, most recent first; only the first `stored` are written. */
  count = 0;
  readonly purchaseDaysAgo = new Int32Array(maximumPurchases);
  readonly purchaseAt = new Float64Array(maximumPurchases);
  readonly purchaseAmount = new Float64Array(maximumPurchases);
  readonly purchaseArea = new Uint8Array(maximumPurchases);
  readonly purchaseOnline = new Uint8Array(maximumPurchases);
  lastPurchaseAt: number | null = null;
  spend12 = 0;
  spendPrevious12 = 0;
  bonus = 0;
  receivedWelcomeOffer = false;

  /** How many purchases the written history holds. */
  get stored(): number {
    return Math.min(this.count, storedPurchases);
  }
}

/**
 * Writes one value from a profile. `item` is the position in the purchase
 * history for fillers of a purchase's fields, else 0.
 */
type Filler = (profile: Profile, random: Random, item: number) => unknown;

/**
 * Draws members and writes them as objects of the Model. Used for the base
 * and, during a simulation, for the members who join.
 */
export class MemberFactory {
  private readonly profile = new Profile();
  private readonly clock: DayClock;
  private readonly writeMember: Filler;

  constructor(
    model: MemberModel,
    options: Pick<GenerateMembersOptions, 'startDay' | 'timeZone'>,
  ) {
    this.clock = new DayClock(options.timeZone, options.startDay);
    const types = new Map<string, Type>();
    if (!model.attributes.has('id')) types.set('id', { kind: 'string' });
    for (const [name, field] of model.attributes) types.set(name, field.type);
    this.writeMember = objectFiller(types, (name, type) =>
      attributeFiller(name, type, this.clock),
    );
  }

  /** A member of the base, as on the start day. */
  existing(index: number, random: Random): Member {
    const profile = this.profile;
    const clock = this.clock;
    const joinDaysAgo =
      1 + Math.floor(programmeDays * (1 - Math.sqrt(random.next())));
    drawPerson(profile, index, clock.startDay, random);
    drawJoin(profile, clock, clock.startDay - joinDaysAgo, random);
    drawContact(profile, clock, joinDaysAgo, random);
    drawPurchases(profile, clock, joinDaysAgo, random);
    profile.receivedWelcomeOffer = profile.email !== null && joinDaysAgo > 7;
    return this.writeMember(profile, random, 0) as Member;
  }

  /** A member who joins at `at` (epoch ms), in a store or online. */
  joining(index: number, at: number, online: boolean, random: Random): Member {
    const profile = this.profile;
    const day = this.clock.zone.localDay(at);
    drawPerson(profile, index, day, random);
    drawJoin(profile, this.clock, day, random);
    profile.joinedAt = at;
    if (online) profile.onlineShare = 0.75;
    drawContact(profile, this.clock, 0, random);
    if (online && profile.email === null) profile.email = emailOf(profile);
    profile.emailConfirmed = false;
    profile.quarantined = false;
    profile.lastOpenAt = null;
    clearPurchases(profile);
    profile.receivedWelcomeOffer = false;
    return this.writeMember(profile, random, 0) as Member;
  }
}

/**
 * Instants of local days, cached: a base holds millions of purchases, and a
 * time zone conversion each would dominate. Times are placed from local
 * noon, which is exact for every time after 04:00 in zones that change their
 * clocks at night.
 */
export class DayClock {
  /** Local noons of the days from `first` on; NaN where not yet known. */
  private noons = new Float64Array(0);
  private first = 0;

  constructor(
    readonly zone: TimeZone,
    readonly startDay: number,
  ) {}

  /** Epoch ms of a local day and minute of the day. */
  at(day: number, minute: number): number {
    let noon = this.noons[day - this.first];
    if (noon === undefined) noon = this.cover(day);
    if (Number.isNaN(noon)) {
      noon = this.zone.toEpoch(day, 720);
      this.noons[day - this.first] = noon;
    }
    return noon + (minute - 720) * millisecondsPerMinute;
  }

  /** Grows the cache to hold `day`; returns NaN, its value not yet known. */
  private cover(day: number): number {
    const first = Math.min(this.first, day, this.startDay - programmeDays);
    const last = Math.max(
      this.first + this.noons.length,
      day + 1,
      this.startDay + 400,
    );
    const noons = new Float64Array(last - first).fill(Number.NaN);
    noons.set(this.noons, this.first - first);
    this.noons = noons;
    this.first = first;
    return Number.NaN;
  }
}

function drawPerson(
  profile: Profile,
  index: number,
  today: number,
  random: Random,
): void {
  profile.index = index;
  profile.id = memberIdOf(index);
  profile.gender = random.pickWeighted(genders);
  const female =
    profile.gender === 'female' ||
    (profile.gender !== 'male' && random.chance(0.5));
  const names = female ? femaleNames : maleNames;
  const which = random.int(names.length);
  profile.firstName = random.chance(0.01) ? null : (names[which] ?? null);
  profile.emailName = (female ? femaleEmailNames : maleEmailNames)[which] ?? '';
  profile.nameSlot = female ? which : femaleNames.length + which;

  // Truncated symmetrically around the mean, so the mean stays put: 46 in
  // whole years is 46.5 in exact age.
  let age = random.normal(46.5, 14);
  while (age < 16.5 || age >= 76.5) age = random.normal(46.5, 14);
  profile.civicValid = random.chance(0.975);
  const daysOld = Math.floor(age * 365.2425);
  profile.birthDay = profile.civicValid ? today - daysOld : null;
}

function drawJoin(
  profile: Profile,
  clock: DayClock,
  day: number,
  random: Random,
): void {
  profile.joinedAt = clock.at(day, 540 + random.int(720));
  profile.store = random.pickWeighted(stores);
  profile.onlineShare = random.pickWeighted(onlineShares);
  profile.favouriteArea = random.pickWeighted(areaChoices);
}

function drawContact(
  profile: Profile,
  clock: DayClock,
  joinDaysAgo: number,
  random: Random,
): void {
  const hasEmail = random.chance(0.86);
  profile.email = hasEmail ? emailOf(profile) : null;
  profile.emailConfirmed = hasEmail && random.chance(0.9);
  profile.quarantined = hasEmail && random.chance(0.025);
  profile.phone = random.chance(0.78) ? phoneNumber(random) : null;
  profile.consentEmail = hasEmail && random.chance(0.83);
  profile.consentSms = profile.phone !== null && random.chance(0.42);
  profile.consentChildren = random.chance(0.09);
  profile.lastOpenAt = null;
  if (!hasEmail || profile.quarantined) return;

  // Most readers opened something within six months; some long ago; some never.
  const roll = random.next();
  const openers = profile.consentEmail ? 0.55 : 0.1;
  const earlier = profile.consentEmail ? 0.8 : 0.25;
  let daysAgo = -1;
  if (roll < openers) daysAgo = 1 + random.int(Math.min(180, joinDaysAgo));
  else if (roll < earlier && joinDaysAgo > 181) {
    daysAgo = 181 + random.int(Math.min(720, joinDaysAgo - 181));
  }
  if (daysAgo > 0 && daysAgo <= Math.max(joinDaysAgo, 1)) {
    profile.lastOpenAt = clock.at(
      clock.startDay - daysAgo,
      420 + random.int(960),
    );
  }
}

/**
 * E-mail addresses and phone numbers come from pools, shared by many
 * members: conditions only ask whether a member has one, and a string per
 * member would cost millions of heap objects for the garbage collector to
 * trace. The pools are built on first use, so every run sees the same text.
 */
const emailVariants = 512;
const emailPool = new Array<string | undefined>(
  (femaleNames.length + maleNames.length) * emailVariants,
).fill(undefined);

function emailOf(profile: Profile): string {
  const variant = profile.index % emailVariants;
  const slot = profile.nameSlot * emailVariants + variant;
  let email = emailPool[slot];
  if (email === undefined) {
    email = `${profile.emailName}.${1_000 + variant}@example.se`;
    emailPool[slot] = email;
  }
  return email;
}

const phonePool = ((): string[] => {
  const random = new Random(0x70686f6e);
  return Array.from(
    { length: 4_096 },
    () => `+${46_700_000_000 + random.int(100_000_000)}`,
  );
})();

function phoneNumber(random: Random): string {
  return random.pick(phonePool);
}

/**
 * A purchase history over the last two years: 81 % of members bought in the
 * last 12 months; of the rest some bought the year before, some long ago and
 * some never. Spend sums the whole history, the list keeps the most recent.
 */
function drawPurchases(
  profile: Profile,
  clock: DayClock,
  joinDaysAgo: number,
  random: Random,
): void {
  clearPurchases(profile);
  if (random.chance(0.81)) {
    const yearly = random.pickWeighted(yearlyPurchases);
    const window = Math.min(365, joinDaysAgo);
    for (let n = 0; n < yearly; n++)
      addPurchase(profile, 1 + random.int(window), random);
    if (joinDaysAgo > 365) {
      const before = Math.round(yearly * random.uniform(0.3, 1.5));
      const span = Math.min(365, joinDaysAgo - 365);
      for (let n = 0; n < before; n++)
        addPurchase(profile, 366 + random.int(span), random);
    }
  } else {
    const roll = random.next();
    if (roll < 0.45 && joinDaysAgo > 365) {
      const count = 1 + random.int(3);
      const span = Math.min(365, joinDaysAgo - 365);
      for (let n = 0; n < count; n++)
        addPurchase(profile, 366 + random.int(span), random);
    } else if (roll < 0.7 && joinDaysAgo > 730) {
      const daysAgo = 731 + random.int(joinDaysAgo - 730);
      profile.lastPurchaseAt = clock.at(
        clock.startDay - daysAgo,
        600 + random.int(540),
      );
    }
  }
  placePurchases(profile, clock, random);
}

function clearPurchases(profile: Profile): void {
  profile.count = 0;
  profile.lastPurchaseAt = null;
  profile.spend12 = 0;
  profile.spendPrevious12 = 0;
  profile.bonus = 0;
}

/** Adds a purchase, keeping the list ordered most recent first. */
function addPurchase(profile: Profile, daysAgo: number, random: Random): void {
  if (profile.count === maximumPurchases) return;
  const area = random.chance(0.5)
    ? profile.favouriteArea
    : random.pickWeighted(areaChoices);
  const online = random.chance(profile.onlineShare) ? 1 : 0;
  const amount = drawPrice(random, area);
  if (daysAgo <= 365) profile.spend12 += amount;
  else profile.spendPrevious12 += amount;

  let position = profile.count;
  const { purchaseDaysAgo, purchaseAmount, purchaseArea, purchaseOnline } =
    profile;
  while (position > 0 && (purchaseDaysAgo[position - 1] ?? 0) > daysAgo) {
    purchaseDaysAgo[position] = purchaseDaysAgo[position - 1] ?? 0;
    purchaseAmount[position] = purchaseAmount[position - 1] ?? 0;
    purchaseArea[position] = purchaseArea[position - 1] ?? 0;
    purchaseOnline[position] = purchaseOnline[position - 1] ?? 0;
    position--;
  }
  purchaseDaysAgo[position] = daysAgo;
  purchaseAmount[position] = amount;
  purchaseArea[position] = area;
  purchaseOnline[position] = online;
  profile.count++;
}

/** Gives the purchases their instants, and derives last purchase and bonus. */
function placePurchases(
  profile: Profile,
  clock: DayClock,
  random: Random,
): void {
  for (let index = 0; index < profile.stored; index++) {
    const minute =
      profile.purchaseOnline[index] === 1
        ? 420 + random.int(1_020)
        : 600 + random.int(540);
    const day = clock.startDay - (profile.purchaseDaysAgo[index] ?? 0);
    profile.purchaseAt[index] = clock.at(day, minute);
  }
  if (profile.count > 0) profile.lastPurchaseAt = profile.purchaseAt[0] ?? null;
  profile.bonus = Math.round(profile.spend12 * 0.02 * random.next());
}

function valueTierOf(profile: Profile): string {
  const value = profile.spend12 + profile.spendPrevious12 / 2;
  if (value >= 12_000) return 'top';
  if (value >= 4_000) return 'high';
  return value >= 1_000 ? 'medium' : 'low';
}

// --- Writing attributes ----------------------------------------------------

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
    const stored = profile.stored;
    const list = new Array<unknown>(stored);
    for (let item = 0; item < stored; item++) {
      list[item] = writeItem(profile, random, stored - 1 - item);
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

function attributeFiller(name: string, type: Type, clock: DayClock): Filler {
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
function objectFiller(
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
