import type { Span } from '../diagnostics/source-file.js';
import type { Location, Locators } from './location.js';

/** The parts of a workspace the semantic diff compares, in report order. */
export type ChangeArea =
  | 'model'
  | 'parameter'
  | 'segment'
  | 'offer'
  | 'policy'
  | 'journey'
  | 'template'
  | 'fixture';

/** Every area, in the order reports show them. */
export const changeAreas: readonly ChangeArea[] = [
  'model',
  'parameter',
  'segment',
  'offer',
  'policy',
  'journey',
  'template',
  'fixture',
];

/** Whether something is new, gone, or different. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** One thing that differs inside a changed item. */
export interface ChangeDetail {
  readonly change: ChangeKind;
  /** What differs, in domain words: `step steps.1 wait`, `cap daily max`. */
  readonly what: string;
  /** The value on the base side; null when it is not there. */
  readonly before: string | null;
  /** The value on the head side; null when it is not there. */
  readonly after: string | null;
  /** Where to look: the head side, or the base side for what was removed. */
  readonly location: Location | null;
}

/** A journey, offer, segment, ... that was added, removed or changed. */
export interface SemanticChange {
  readonly area: ChangeArea;
  /** The item's id: journey id, `member.email`, parameter name, ... */
  readonly id: string;
  readonly change: ChangeKind;
  /** For an added or removed item: what it is, in one line. */
  readonly summary: string | null;
  /** For a changed item: what differs, in document order. */
  readonly details: readonly ChangeDetail[];
  /** The item on the head side, or on the base side when removed. */
  readonly location: Location | null;
}

/** Collects the details of one item's change as values are compared. */
export class DetailList {
  readonly details: ChangeDetail[] = [];

  /**
   * Records a difference between two values, if there is one. A null value
   * means the thing is not there on that side.
   */
  compare(
    what: string,
    before: string | null,
    after: string | null,
    location: Location | null,
  ): void {
    if (before === after) return;
    const change: ChangeKind =
      before === null ? 'added' : after === null ? 'removed' : 'changed';
    this.details.push({ change, what, before, after, location });
  }

  /** Records a detail as it is. */
  add(detail: ChangeDetail): void {
    this.details.push(detail);
  }
}

/** The change of an item that is on both sides, or undefined when equal. */
export function changedItem(
  area: ChangeArea,
  id: string,
  details: readonly ChangeDetail[],
  location: Location | null,
): SemanticChange | undefined {
  if (details.length === 0) return undefined;
  return { area, id, change: 'changed', summary: null, details, location };
}

/** An item that is on one side only. */
export function onlyOneSide(
  area: ChangeArea,
  id: string,
  change: 'added' | 'removed',
  summary: string | null,
  location: Location | null,
): SemanticChange {
  return { area, id, change, summary, details: [], location };
}

/** How the diff compares one kind of item that is written at a span. */
export interface ItemComparison<T extends { readonly span: Span }> {
  readonly area: ChangeArea;
  /** Records in `details` what differs between the two sides of an item. */
  readonly compare: (before: T, after: T, details: DetailList) => void;
  /** What an added or removed item is, in one line. */
  readonly summary: (item: T) => string | null;
}

/**
 * The items of one kind that were added, removed or changed, by id. A
 * change is placed where the head side writes the item, a removal where
 * the base side did.
 */
export function diffItems<T extends { readonly span: Span }>(
  base: ReadonlyMap<string, T>,
  head: ReadonlyMap<string, T>,
  locators: Locators,
  { area, compare, summary }: ItemComparison<T>,
): SemanticChange[] {
  return compareById(
    base,
    head,
    (id, before, after) => {
      const details = new DetailList();
      compare(before, after, details);
      return changedItem(
        area,
        id,
        details.details,
        locators.head.at(after.span),
      );
    },
    (id, item, change) =>
      onlyOneSide(
        area,
        id,
        change,
        summary(item),
        locators[change === 'added' ? 'head' : 'base'].at(item.span),
      ),
  );
}

/**
 * Compares two maps by key: `compare` runs for keys on both sides, and
 * `single` for keys on one side. Keys are visited in sorted order.
 */
export function compareById<T, R>(
  base: ReadonlyMap<string, T>,
  head: ReadonlyMap<string, T>,
  compare: (id: string, before: T, after: T) => R | undefined,
  single: (id: string, item: T, change: 'added' | 'removed') => R,
): R[] {
  const ids = [...new Set([...base.keys(), ...head.keys()])].sort(byText);
  const results: R[] = [];
  for (const id of ids) {
    const before = base.get(id);
    const after = head.get(id);
    const result =
      before === undefined
        ? after === undefined
          ? undefined
          : single(id, after, 'added')
        : after === undefined
          ? single(id, before, 'removed')
          : compare(id, before, after);
    if (result !== undefined) results.push(result);
  }
  return results;
}

/** Orders strings by code unit, the same on every machine and locale. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
