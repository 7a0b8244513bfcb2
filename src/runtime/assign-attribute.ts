import { millisecondsPerDay } from './calendar.js';
import { withItem } from './member-state.js';

/**
 * Sets a member attribute, `email_confirmed`, or a property of an object
 * attribute, `consent.children`, in place, as the engine changes members.
 * The checker has made sure that every object on the way is a required
 * attribute, so it is there.
 */
export function assignAttribute(
  member: Record<string, unknown>,
  target: string,
  value: unknown,
): void {
  // Most targets are plain names (several per purchase): no split for them.
  if (!target.includes('.')) {
    member[target] = value;
    return;
  }
  const names = target.split('.');
  const last = names.pop() ?? target;
  let object = member;
  for (const name of names) object = object[name] as Record<string, unknown>;
  object[last] = value;
}

/** How long a list keeps its items: the Model's retention of a list. */
export interface ListRetention {
  /** The items' datetime property that dates them. */
  readonly by: string;
  /** Days of 24 hours an item is kept after its `by` time. */
  readonly days: number;
}

/** A list attribute of members that has a retention. */
export interface RetainedList {
  readonly attribute: string;
  readonly retention: ListRetention;
}

/**
 * Appends an item to a member's list attribute at `now`, making the list
 * when absent. A list with a retention first drops the items past it (see
 * dropPastItems).
 *
 * The list is replaced by a new one sized for its items: a push reserves
 * room for 16 more, on millions of members who buy once or twice in a run.
 */
export function appendItem(
  member: Record<string, unknown>,
  attribute: string,
  item: Record<string, unknown>,
  retention: ListRetention | null,
  now: number,
): void {
  const list = member[attribute];
  if (!Array.isArray(list)) {
    member[attribute] = [item];
    return;
  }
  const kept = retention === null ? list : keptItems(list, retention, now);
  member[attribute] = withItem(kept, item);
}

/**
 * Drops the items of a member's list that are past its retention at `now`.
 * Conditions skip such items anyway, so when they go is not seen: the
 * engine drops them on appends and in its daily upkeep, which keeps the
 * memory of a list that grows by events as flat as its retention.
 */
export function dropPastItems(
  member: Record<string, unknown>,
  { attribute, retention }: RetainedList,
  now: number,
): void {
  const list = member[attribute];
  if (!Array.isArray(list)) return;
  const kept = keptItems(list, retention, now);
  if (kept !== list) member[attribute] = kept;
}

/** The list itself when no item is past the retention, else a new list. */
function keptItems(
  list: readonly unknown[],
  { by, days }: ListRetention,
  now: number,
): readonly unknown[] {
  const keptFrom = now - days * millisecondsPerDay;
  const isKept = (item: unknown) =>
    ((item as Record<string, unknown>)[by] as number) >= keptFrom;
  return list.every(isKept) ? list : list.filter(isKept);
}
