import { runInNewContext } from 'node:vm';

/**
 * V8's full garbage collection, when the process runs with --expose-gc (or
 * set it with v8.setFlagsFromString before this thread started): a context
 * made after the flag has `gc` even where the first one does not. Undefined
 * without the flag.
 */
export function garbageCollector(): (() => void) | undefined {
  const own: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  const fresh: unknown = runInNewContext(
    'typeof gc === "function" ? gc : undefined',
  );
  return typeof fresh === 'function' ? (fresh as () => void) : undefined;
}
