import { millisecondsPerHour } from '../../runtime/calendar.js';
import type { Member } from './generate-members.js';
import { areaChoices, levelOf, levelThresholds } from './programme-facts.js';
import type { Random } from './random.js';

const millisecondsPerYear = 365 * 24 * millisecondsPerHour;
const firstBonusFlag = 1;
const closeToLevelFlag = 2;

/**
 * Purchases a year of a member who bought nothing in the last 12 months:
 * now and then one comes back.
 */
const comebackRate = 0.1;

/**
 * What the generator reads from members over and over, read once: how often
 * each bought in the last year (for picking buyers), online share and
 * favourite area, plus what happened during the run (spend, flags). Typed
 * arrays, a few bytes per member.
 */
export class MemberTraits {
  /** Members who bought in the last 12 months, at the start. */
  readonly active: number;
  /**
   * Purchases a year of the whole base if every member keeps buying as
   * often as in the last 12 months: members' histories stay as long as
   * they were when the run began.
   */
  readonly yearlyPurchases: number;
  private readonly cumulative: Float64Array;
  private online: Uint8Array;
  private favourite: Uint8Array;
  private spent: Float32Array;
  private flags: Uint8Array;

  constructor(
    private readonly members: readonly Member[],
    start: number,
  ) {
    const count = members.length;
    this.cumulative = new Float64Array(count);
    this.online = new Uint8Array(count);
    this.favourite = new Uint8Array(count);
    this.spent = new Float32Array(count);
    this.flags = new Uint8Array(count);
    let total = 0;
    let active = 0;
    for (let index = 0; index < count; index++) {
      const recent = this.readHistory(index, start - millisecondsPerYear);
      if (recent > 0) active++;
      total += recent > 0 ? recent : comebackRate;
      this.cumulative[index] = total;
    }
    this.active = active;
    this.yearlyPurchases = total;
  }

  /** Members now, joiners included. */
  get base(): number {
    return this.members.length;
  }

  /** A member of the base, picked in proportion to how often they buy. */
  pickActive(random: Random): number {
    const cumulative = this.cumulative;
    const target = random.next() * (cumulative[cumulative.length - 1] ?? 0);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The share of a member's purchases made online. */
  onlineShare(index: number): number {
    return (this.online[index] ?? 0) / 100;
  }

  /** The area of a member's next purchase: often their favourite. */
  area(index: number, random: Random): number {
    const favourite = this.favourite[index] ?? 0;
    return favourite > 0 && random.chance(0.5)
      ? favourite - 1
      : random.pickWeighted(areaChoices);
  }

  /** A numeric attribute of a member, if it has one. */
  number(index: number, name: string): number | undefined {
    const value = this.members[index]?.[name];
    return typeof value === 'number' ? value : undefined;
  }

  /** Registers a member who joined during the run. */
  addMember(member: Member, online: boolean): void {
    const index = this.members.length - 1;
    if (index >= this.flags.length) this.grow(index + 1);
    this.online[index] = online ? 75 : 15;
    this.favourite[index] = 0;
    this.flags[index] =
      member['first_bonus_earned'] === false ? 0 : firstBonusFlag;
  }

  /** True the first time a member without a bonus earns one. */
  firstBonus(index: number): boolean {
    const flags = this.flags[index] ?? firstBonusFlag;
    if ((flags & firstBonusFlag) !== 0) return false;
    this.flags[index] = flags | firstBonusFlag;
    return this.members[index]?.['first_bonus_earned'] === false;
  }

  /** Forgets the spend added so far (the members now hold it). */
  forgetSpend(): void {
    this.spent.fill(0);
  }

  /** Adds spend; the level change it causes, if any. */
  addSpend(index: number, amount: number): { from: string; to: string } | null {
    const spend = this.number(index, 'spend_12m');
    if (spend === undefined || this.members[index]?.['level'] === undefined)
      return null;
    const before = spend + (this.spent[index] ?? 0);
    this.spent[index] = (this.spent[index] ?? 0) + amount;
    const from = levelOf(before);
    const to = levelOf(before + amount);
    return from === to ? null : { from, to };
  }

  /** What is left to the next level, once per member, if it is little. */
  closeToNextLevel(
    index: number,
  ): { amount_left: number; next_level: string } | null {
    const spend = this.number(index, 'spend_12m');
    const flags = this.flags[index] ?? closeToLevelFlag;
    if (spend === undefined || (flags & closeToLevelFlag) !== 0) return null;
    const total = spend + (this.spent[index] ?? 0);
    const next = total < levelThresholds.plus1500 ? 'plus1500' : 'plus10000';
    const left = Math.round(levelThresholds[next] - total);
    if (left <= 0 || left > 300) return null;
    this.flags[index] = flags | closeToLevelFlag;
    return { amount_left: left, next_level: next };
  }

  /** Reads a member's purchase history; returns purchases since `since`. */
  private readHistory(index: number, since: number): number {
    const member = this.members[index];
    const purchases = member?.['purchases'];
    this.flags[index] =
      member?.['first_bonus_earned'] === false ? 0 : firstBonusFlag;
    if (!Array.isArray(purchases)) return 1;
    let recent = 0;
    let online = 0;
    let fashion = 0;
    let home = 0;
    let beauty = 0;
    for (const item of purchases as readonly Record<string, unknown>[]) {
      const at = item['at'];
      if (typeof at === 'number' && at >= since) recent++;
      if (item['channel'] === 'online') online++;
      const area = item['area'];
      if (area === 'fashion') fashion++;
      else if (area === 'home') home++;
      else if (area === 'beauty') beauty++;
    }
    const length = purchases.length;
    this.online[index] =
      length === 0 ? 10 : Math.round((100 * online) / length);
    this.favourite[index] = favouriteArea(fashion, home, beauty);
    return recent;
  }

  private grow(length: number): void {
    const capacity = Math.max(length, Math.ceil(this.flags.length * 1.25));
    this.online = resized(this.online, new Uint8Array(capacity));
    this.favourite = resized(this.favourite, new Uint8Array(capacity));
    this.spent = resized(this.spent, new Float32Array(capacity));
    this.flags = resized(this.flags, new Uint8Array(capacity));
  }
}

/** 1 + the index in `areas` of the most bought area; 0 if none. */
function favouriteArea(fashion: number, home: number, beauty: number): number {
  if (fashion + home + beauty === 0) return 0;
  if (fashion >= home && fashion >= beauty) return 1;
  return home >= beauty ? 2 : 3;
}

function resized<T extends Uint8Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
