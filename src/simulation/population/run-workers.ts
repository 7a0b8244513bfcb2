import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../support/start-worker.js';
import type { MemberModel } from '../../workspace/workspace.js';
import type { ProgramSource } from '../program-source.js';
import type { PopulationBlock } from './population-blocks.js';
import type { ShardOptions } from './population-shard.js';
import type { ShardMessage, ShardTask } from './population-worker.js';
import type { ShardCounts, ShardProgress } from './run-population.js';

/** What every worker gets, besides its blocks. */
export interface SharedTask {
  readonly model: MemberModel;
  readonly program: ProgramSource;
  readonly options: ShardOptions;
  readonly closesWeek: readonly boolean[];
}

/**
 * Runs one shard per worker thread, each with its share of the blocks, and
 * gives what each counted, in the order of `shares`. Rejects when a worker
 * fails, after stopping the others.
 */
export async function runWorkers(
  task: SharedTask,
  shares: readonly (readonly PopulationBlock[])[],
  progressOf: () => ShardProgress,
): Promise<ShardCounts[]> {
  const workers: Worker[] = [];
  let generated = 0;
  // All start simulating together, once all have generated their members.
  const ready = (): void => {
    generated++;
    if (generated === shares.length)
      for (const worker of workers) worker.postMessage('go');
  };
  try {
    return await Promise.all(
      shares.map((blocks) => {
        const workerData: ShardTask = { ...task, blocks };
        const worker = startWorker(import.meta.url, 'population-worker', {
          workerData,
        });
        workers.push(worker);
        return collect(worker, progressOf(), ready);
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function collect(
  worker: Worker,
  progress: ShardProgress,
  ready: () => void,
): Promise<ShardCounts> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: ShardMessage) => {
      switch (message.kind) {
        case 'generated':
          progress.generated();
          return ready();
        case 'day':
          return progress.dayDone(message.counts, message.heap);
        case 'done':
          return resolve({ tally: message.tally, events: message.events });
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      reject(new Error(`a simulation worker stopped with exit code ${code}`)),
    );
  });
}
