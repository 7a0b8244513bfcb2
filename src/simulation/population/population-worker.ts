import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { MemberModel } from '../../workspace/workspace.js';
import { instantiateProgram, type ProgramSource } from '../program-source.js';
import type { PopulationBlock } from './population-blocks.js';
import {
  PopulationShard,
  type HeapSample,
  type ShardOptions,
} from './population-shard.js';
import type { DayCounts, TallyCounts } from './population-tally.js';

/** What a worker is given: its blocks and all it needs to simulate them. */
export interface ShardTask {
  readonly model: MemberModel;
  readonly program: ProgramSource;
  readonly blocks: readonly PopulationBlock[];
  readonly options: ShardOptions;
  /** For each day to simulate: whether it closes a week. */
  readonly closesWeek: readonly boolean[];
}

/** What a worker tells the thread that started it, in this order. */
export type ShardMessage =
  | { readonly kind: 'generated' }
  | {
      readonly kind: 'day';
      readonly counts: DayCounts;
      readonly heap: HeapSample;
    }
  | {
      readonly kind: 'done';
      readonly tally: TallyCounts;
      readonly events: Record<string, number>;
    };

/**
 * Generates a shard's members, then waits for the go (every worker has
 * generated its members, so that all simulate the first day together),
 * simulates its days and reports as it goes.
 */
async function runShard(task: ShardTask, port: MessagePort): Promise<void> {
  const post = (message: ShardMessage): void => port.postMessage(message);
  const program = instantiateProgram(task.program);
  const shard = new PopulationShard(
    task.model,
    program,
    task.blocks,
    task.options,
  );
  post({ kind: 'generated' });
  await new Promise((resolve) => port.once('message', resolve));
  for (const closesWeek of task.closesWeek) {
    const counts = shard.simulateDay(closesWeek);
    post({ kind: 'day', counts, heap: shard.heapAfterDay(closesWeek) });
  }
  post({ kind: 'done', ...shard.counts() });
}

if (parentPort !== null) await runShard(workerData as ShardTask, parentPort);
