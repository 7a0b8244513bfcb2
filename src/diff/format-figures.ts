import { assertNever } from '../support/assert-never.js';
import type { Delta } from './diff-population.js';
import type { SendChange, SendOutcome } from './diff-fixture-sends.js';
import type { ChangeDetail, SemanticChange } from './semantic-change.js';
import { formatLocation } from './location.js';

/** An integer with its digits in groups of three: `20 000`. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A share as percent with one decimal: `1.5 %`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** A difference of shares in percentage points: `0.4 pp`. */
export function formatPoints(share: number): string {
  return `${(share * 100).toFixed(1)} pp`;
}

/** The change of a delta in percent: `+9.5 %`; `new`, `gone` or `±0`. */
export function formatPercentChange(delta: Delta): string {
  if (delta.before === null) return 'new';
  if (delta.after === null) return 'gone';
  if (delta.delta === 0) return '±0';
  if (delta.percent === null) return 'from 0';
  return `${delta.percent > 0 ? '+' : ''}${delta.percent.toFixed(1)} %`;
}

/** A signed difference written with a number format: `+120`, `-0.013`. */
export function formatDifference(
  delta: Delta,
  format: (value: number) => string,
): string {
  if (delta.delta === null) return '';
  if (delta.delta === 0) return '±0';
  const sign = delta.delta > 0 ? '+' : '-';
  return `${sign}${format(Math.abs(delta.delta))}`;
}

/** A side's figure, or `–` where the side does not have it. */
export function formatSideValue(
  value: number | null,
  format: (value: number) => string,
): string {
  return value === null ? '–' : format(value);
}

/** Both sides' figures: `0.212 → 0.209`. */
export function formatBeforeAfter(
  delta: { readonly before: number | null; readonly after: number | null },
  format: (value: number) => string,
): string {
  return `${formatSideValue(delta.before, format)} → ${formatSideValue(delta.after, format)}`;
}

/** Means per week are small numbers: three decimals. */
export function formatMean(value: number): string {
  return value.toFixed(3);
}

/** The article of a change: `journey winback`. */
export function changeTitle(change: SemanticChange): string {
  return `${change.area} ${change.id}`;
}

/** A detail without its location: `step steps.1 wait: 14d → 7d`. */
export function detailText(detail: ChangeDetail): string {
  switch (detail.change) {
    case 'added':
      return `${detail.what} added${detail.after === null ? '' : `: ${detail.after}`}`;
    case 'removed':
      return `${detail.what} removed${detail.before === null ? '' : `: ${detail.before}`}`;
    case 'changed':
      return detail.before === null || detail.after === null
        ? `${detail.what} changed`
        : `${detail.what}: ${detail.before} → ${detail.after}`;
    default:
      return assertNever(detail.change);
  }
}

/** `journeys/winback.yaml:12`, or `journeys/winback.yaml:12 (base)`. */
export function whereText(location: ChangeDetail['location']): string {
  if (location === null) return '';
  const side = location.side === 'base' ? ' (base)' : '';
  return `${formatLocation(location)}${side}`;
}

/** A send change in words, for one line. */
export function sendChangeText(change: SendChange): string {
  const what = `${change.member} ${change.template} [${change.journey}/${change.step}]`;
  const { before, after } = change;
  switch (change.kind) {
    case 'added':
      return `${what} now ${outcomeText(after)}`;
    case 'removed':
      return `${what} no longer ${outcomeText(before)}`;
    case 'moved': {
      const held =
        after?.outcome === 'held_back'
          ? ` held back by ${after.rule ?? 'a rule'},`
          : '';
      const from = before?.at ?? '';
      const to = after?.at ?? '';
      return `${what}${held} moved ${change.shift ?? ''}: ${from} → ${to}`;
    }
    case 'held_back_changed':
    case 'changed':
      return `${what}: ${outcomeText(before)} → ${outcomeText(after)}`;
    default:
      return assertNever(change.kind);
  }
}

/** `sent 2025-03-03 10:00 by email with offer winback_25`. */
function outcomeText(outcome: SendOutcome | null): string {
  if (outcome === null) return 'nothing';
  const verb =
    outcome.outcome === 'sent'
      ? 'sent'
      : `held back by ${outcome.rule ?? 'a rule'}`;
  const offer = outcome.offer === null ? '' : ` with offer ${outcome.offer}`;
  return `${verb} ${outcome.at} by ${outcome.channel}${offer}`;
}
