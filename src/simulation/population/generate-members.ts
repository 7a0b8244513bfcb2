import type { Type } from '../../language/types.js';
import type { TimeZone } from '../../runtime/time-zone.js';
import type { MemberModel } from '../../workspace/workspace.js';
import { Random, deriveSeed } from './random.js';
import { attributeFiller, objectFiller } from './member-attributes.js';
import {
  DayClock,
  Profile,
  firstMemberNumber,
  maximumPurchases,
  programmeDays,
  type Filler,
} from './member-profile.js';
import {
  areaChoices,
  drawPrice,
  femaleEmailNames,
  femaleNames,
  genders,
  maleEmailNames,
  maleNames,
  onlineShares,
  stores,
  yearlyPurchases,
} from './programme-facts.js';
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

// --- One member's story, drawn before it is written as attributes ---------

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
 * last 12 months; of the rest some bought the year before, some long ago (a
 * latest purchase, no history) and some never. The list holds the two years,
 * written oldest first, as events append.
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
  for (let index = 0; index < profile.count; index++) {
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
