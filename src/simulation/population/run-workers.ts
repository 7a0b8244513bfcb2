import { Worker } from 'node:worker_threads';
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
        const worker = startWorker({ ...task, blocks });
        workers.push(worker);
        return collect(worker, progressOf(), ready);
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * Starts the worker module beside this one. Run from TypeScript sources
 * (tests and benches do), it is a .ts file, and the worker must register
 * the same loader (tsx) before it imports it: Node does not pass a loader on
 * to worker threads.
 */
function startWorker(task: ShardTask): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const file = new URL(
    `./population-worker.${typescript ? 'ts' : 'js'}`,
    import.meta.url,
  );
  if (!typescript) return new Worker(file, { workerData: task });
  const bootstrap = [
    `import('tsx/esm/api')`,
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`,
    `.catch((error) => { throw error; });`,
  ].join('');
  return new Worker(bootstrap, { eval: true, workerData: task });
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
