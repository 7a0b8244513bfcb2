import type { IssuedOffer, MemberState } from './engine-types.js';
import type { Program } from './program.js';
import { windowStart } from './send-decision.js';

/*
 * The lists of a member's state and their upkeep. The engine keeps state
 * for millions of members, most of whom hold nothing in most lists, so the
 * empty lists are shared and the others are sized to their items.
 */

/**
 * The empty list every member state shares until it needs one of its own;
 * frozen, so a push to it fails loudly.
 */
const noItems: readonly unknown[] = Object.freeze([]);

/** The shared empty list. */
export function nothing<T>(): T[] {
  return noItems as T[];
}

/** A state holding nothing. */
export function emptyMemberState(): MemberState {
  return {
    instances: nothing(),
    lastEntered: nothing(),
    sends: nothing(),
    offers: nothing(),
  };
}

/**
 * `list` with `item` added, as a new list sized for its items: a push
 * reserves room for 16 more, and these lists rarely hold more than a few.
 * Copied by hand: several times faster than concat, which sizes as well.
 */
export function withItem<T>(list: readonly T[], item: T): T[] {
  const length = list.length;
  const longer = new Array<T>(length + 1);
  for (let index = 0; index < length; index++) longer[index] = list[index] as T;
  longer[length] = item;
  return longer;
}

/** When a member last entered a journey (by index), if ever. */
export function lastEntry(
  entries: readonly number[],
  journeyIndex: number,
): number | undefined {
  for (let index = 0; index < entries.length; index += 2)
    if (entries[index] === journeyIndex) return entries[index + 1];
  return undefined;
}

/** Records an entry, in a new list when the journey is new to the member. */
export function setLastEntry(
  state: MemberState,
  journeyIndex: number,
  at: number,
): void {
  const entries = state.lastEntered;
  for (let index = 0; index < entries.length; index += 2) {
    if (entries[index] === journeyIndex) {
      entries[index + 1] = at;
      return;
    }
  }
  state.lastEntered = entries.concat(journeyIndex, at);
}

/**
 * Drops the sends at or before `cutoff` from a list in time order (the
 * engine's clock only moves forward).
 */
export function forgetBefore(
  sends: MemberState['sends'],
  cutoff: number,
): void {
  let old = 0;
  while (old < sends.length && (sends[old]?.at ?? Infinity) <= cutoff) old++;
  if (old > 0) sends.splice(0, old);
}

/**
 * Drops expired offers that nothing reads any more: a purchase redeems
 * only valid offers, and only once-per-member offers are looked up after
 * they expire. Instances and reminders keep their own references.
 */
export function forgetExpiredOffers(
  state: MemberState,
  now: number,
  definitions: Program['offers'],
): void {
  const { offers } = state;
  if (offers.length === 0) return;
  let kept = 0;
  for (let index = 0; index < offers.length; index++) {
    const offer = offers[index] as IssuedOffer;
    const expired =
      now > offer.expires_at &&
      definitions.get(offer.id)?.oncePerMember !== true;
    if (!expired) offers[kept++] = offer;
  }
  offers.length = kept;
}

/** What tidyMemberState needs to know, worked out once per pass. */
export interface StateUpkeep {
  readonly now: number;
  /** Sends at or before this no longer count for any cap. */
  readonly sendCutoff: number;
  /**
   * Per journey index, the instant at or before which an entry no longer
   * keeps a member out: -Infinity for journeys entered once only, Infinity
   * for journeys entered any time. The clock only moves forward, so an
   * entry past its cutoff never counts again.
   */
  readonly reEntryCutoffs: Float64Array;
  readonly offers: Program['offers'];
}

/** The upkeep at `now`, for sends remembered `sendMemoryMs`. */
export function stateUpkeep(
  program: Program,
  now: number,
  sendMemoryMs: number,
): StateUpkeep {
  const { journeys } = program;
  const reEntryCutoffs = new Float64Array(journeys.length);
  for (const journey of journeys) {
    const after = journey.reEntryAfterMs;
    reEntryCutoffs[journey.index] =
      after < 0
        ? -Infinity
        : after === 0
          ? Infinity
          : windowStart(program, after, now);
  }
  return {
    now,
    sendCutoff: now - sendMemoryMs,
    reEntryCutoffs,
    offers: program.offers,
  };
}

/**
 * Drops what a member's state no longer needs: sends older than every cap
 * window, expired offers nothing reads, and entries whose re-entry period
 * is over. True when nothing is left and the state can go. Otherwise the
 * states of everyone who ever got a message would pile up over the days.
 */
export function tidyMemberState(
  state: MemberState,
  upkeep: StateUpkeep,
): boolean {
  forgetBefore(state.sends, upkeep.sendCutoff);
  if (state.sends.length === 0) state.sends = nothing();
  forgetExpiredOffers(state, upkeep.now, upkeep.offers);
  if (state.offers.length === 0) state.offers = nothing();
  state.lastEntered = entriesThatCount(
    state.lastEntered,
    upkeep.reEntryCutoffs,
  );
  return (
    state.instances.length === 0 &&
    state.sends.length === 0 &&
    state.offers.length === 0 &&
    state.lastEntered.length === 0
  );
}

/** The entries that still keep a member out; the same list when all do. */
function entriesThatCount(entries: number[], cutoffs: Float64Array): number[] {
  let expired = 0;
  for (let index = 0; index < entries.length; index += 2) {
    const at = entries[index + 1] ?? 0;
    if (at <= (cutoffs[entries[index] ?? 0] ?? Infinity)) expired++;
  }
  if (expired === 0) return entries;
  if (expired * 2 === entries.length) return nothing();
  const kept: number[] = [];
  for (let index = 0; index < entries.length; index += 2) {
    const journey = entries[index] ?? 0;
    const at = entries[index + 1] ?? 0;
    if (at > (cutoffs[journey] ?? Infinity)) kept.push(journey, at);
  }
  return kept;
}
