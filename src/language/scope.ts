import type { Type } from './types.js';

/**
 * The names a condition may start a path with, and their types. Which roots
 * exist depends on where the condition stands: an event-triggered journey
 * sees `event`, a scheduled one does not.
 *
 * Roots and how compiled code reaches them through its context `c`:
 * - `member`  : `c.member`
 * - `event`   : `c.event`
 * - `offer`   : `c.offer`
 * - `params`  : `c.params`
 * - `segment` : `c.segments.NAME(c)` (each segment is a compiled predicate)
 */
export interface Scope {
  readonly roots: ReadonlyMap<string, Type>;
}
