import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` beside `from` (an
 * `import.meta.url`). Run from TypeScript sources (tests and benches are),
 * the module is a .ts file, and the worker must register the same loader
 * (tsx) before it imports it: Node does not pass a loader on to worker
 * threads. Built, the module is the .js file next to the caller's.
 */
export function startWorker(
  from: string,
  name: string,
  options: WorkerOptions,
): Worker {
  const typescript = from.endsWith('.ts');
  const file = new URL(`./${name}.${typescript ? 'ts' : 'js'}`, from);
  if (!typescript) return new Worker(file, options);
  const bootstrap = [
    `import('tsx/esm/api')`,
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`,
    `.catch((error) => { throw error; });`,
  ].join('');
  return new Worker(bootstrap, { ...options, eval: true });
}
