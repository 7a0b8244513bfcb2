/** FNV-1a's 32-bit start and multiplier. */
const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/**
 * FNV-1a over the UTF-16 code units of a text: the same 32-bit number on
 * every run and machine, so splits and holdouts never reshuffle members.
 */
export function stableHash(text: string): number {
  let hash = fnvOffset;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, fnvPrime);
  }
  return hash >>> 0;
}

/**
 * A 53-bit stable hash, for telling millions of texts apart: two FNV-1a
 * lanes in one pass, the second as if the text began with U+0001, so two
 * texts collide only when both lanes do.
 */
export function wideStableHash(text: string): number {
  let first = fnvOffset;
  let second = Math.imul(fnvOffset ^ 1, fnvPrime);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, fnvPrime);
    second = Math.imul(second ^ code, fnvPrime);
  }
  return (first >>> 0) * 0x200000 + ((second >>> 0) >>> 11);
}

/** A stable position in [0, 100) for a member in a split. */
export function stablePercent(text: string): number {
  return (stableHash(text) / 0x1_0000_0000) * 100;
}
