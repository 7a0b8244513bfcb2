/**
 * A population is simulated in blocks: runs of consecutive members, each
 * with its own random streams, events and engine. Members never affect each
 * other, so blocks can run in any order and on any thread; the split depends
 * only on the number of members, so a run gives the same report on one
 * thread or on many.
 */

/** One block: which members it holds and how its joiners are numbered. */
export interface PopulationBlock {
  /** The block's number, from 0. */
  readonly index: number;
  /** Blocks in the whole population. */
  readonly blocks: number;
  /** The member index of its first member. */
  readonly first: number;
  /** Members it holds at the start. */
  readonly count: number;
  /** Members of the whole base at the start: joiners are numbered after them. */
  readonly baseSize: number;
}

/**
 * The most members a block holds. Small enough that a 2.1 M base splits into
 * blocks that share out evenly between threads, large enough that daily
 * counts (a rate of 0.01 % is six members a block) stay whole numbers.
 */
export const membersPerBlock = 65_536;

/** Splits a base of `members` into blocks of near equal size. */
export function planBlocks(members: number): PopulationBlock[] {
  const blocks = Math.max(1, Math.ceil(members / membersPerBlock));
  const plan: PopulationBlock[] = [];
  for (let index = 0; index < blocks; index++) {
    const first = Math.floor((members * index) / blocks);
    const next = Math.floor((members * (index + 1)) / blocks);
    plan.push({ index, blocks, first, count: next - first, baseSize: members });
  }
  return plan;
}

/** The one block of a base simulated whole. */
export function wholeBase(members: number): PopulationBlock {
  return { index: 0, blocks: 1, first: 0, count: members, baseSize: members };
}

/**
 * The member index of the `joiner`-th member to join a block (from 0):
 * after the base, interleaved between blocks, so indexes never collide.
 */
export function joinerIndex(block: PopulationBlock, joiner: number): number {
  return block.baseSize + joiner * block.blocks + block.index;
}
