import { parseDuration } from '../runtime/values.js';

/**
 * Readers for the small value formats of documents, whose shape the JSON
 * Schema has already checked: durations (`7d`) and times of day (`09:00`).
 */

const unitMs = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

/** Milliseconds of a duration such as `30m`, `12h`, `7d`, `2w`; 0 if none. */
export function durationMs(written: unknown): number {
  return typeof written === 'string' ? (parseDuration(written) ?? 0) : 0;
}

/** Minutes after midnight of a time of day such as `09:00`. */
export function minuteOfDay(written: unknown): number {
  const match = /^(\d\d):(\d\d)$/.exec(String(written));
  if (match === null) return 0;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Writes milliseconds back as the largest whole unit: `3d`, `36h`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    if (ms % unitMs[unit] === 0 && ms >= unitMs[unit])
      return `${ms / unitMs[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/** A value the schema guarantees is text, or the fallback when it is absent. */
export function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
