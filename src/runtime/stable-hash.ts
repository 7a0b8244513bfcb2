/**
 * FNV-1a over the UTF-16 code units of a text: the same 32-bit number on
 * every run and machine, so splits and holdouts never reshuffle members.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stable position in [0, 100) for a member in a split. */
export function stablePercent(text: string): number {
  return (stableHash(text) / 0x1_0000_0000) * 100;
}
