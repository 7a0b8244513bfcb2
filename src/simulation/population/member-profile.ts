import { millisecondsPerMinute } from '../../runtime/calendar.js';
import type { TimeZone } from '../../runtime/time-zone.js';
import type { Random } from './random.js';

/*
 * One member's story, drawn before it is written as attributes: the
 * profile the drawing fills in, and the clock that places it in time.
 */

/** The member number of the member at index 0; ids count up from it. */
export const firstMemberNumber = 100_000_000;

/** Room for a member's purchases of two years (the most is 24 a year). */
export const maximumPurchases = 64;
export const programmeDays = 12 * 365;

/**
 * The programme-shaped facts of one member. One instance is reused for every
 * member, so drawing allocates nothing but the attribute values.
 */
export class Profile {
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
  /** Purchases of the last two years, most recent first. */
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
}

/**
 * Writes one value from a profile. `item` is the position in the purchase
 * history for fillers of a purchase's fields, else 0.
 */
export type Filler = (
  profile: Profile,
  random: Random,
  item: number,
) => unknown;

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

/** The value tier of a profile's spend, the last year counting double. */
export function valueTierOf(profile: Profile): string {
  const value = profile.spend12 + profile.spendPrevious12 / 2;
  if (value >= 12_000) return 'top';
  if (value >= 4_000) return 'high';
  return value >= 1_000 ? 'medium' : 'low';
}
