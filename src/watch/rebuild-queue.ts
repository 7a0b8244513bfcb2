import type { FileChange } from './build.js';

/**
 * Collects file changes and runs one rebuild for each burst of them: the
 * rebuild starts when no change came for `delayMilliseconds` (an editor's
 * save is often several events), and never while another runs; changes
 * that arrive meanwhile make the next rebuild.
 */
export class RebuildQueue {
  private pending: FileChange[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private waiting: (() => void)[] = [];

  constructor(
    /** Runs one rebuild; must not reject. */
    private readonly rebuild: (changes: readonly FileChange[]) => Promise<void>,
    private readonly delayMilliseconds = 50,
  ) {}

  /** Notes a change; the rebuild follows after the quiet delay. */
  add(change: FileChange): void {
    const earlier = this.pending.find((known) => known.path === change.path);
    // A file added or removed and then edited still counts as added or
    // removed: only edits of known files may take the quick way.
    const kind =
      earlier !== undefined && change.kind === 'change'
        ? earlier.kind
        : change.kind;
    this.pending = [
      ...this.pending.filter((known) => known !== earlier),
      { kind, path: change.path },
    ];
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMilliseconds);
  }

  /** Resolves once no change is pending and no rebuild runs. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Drops pending changes; a rebuild that runs is left to finish. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    await this.running;
  }

  private flush(): void {
    this.timer = undefined;
    if (this.running !== undefined || this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    this.running = this.rebuild(changes).finally(() => {
      this.running = undefined;
      if (this.pending.length > 0 && this.timer === undefined) this.flush();
      else if (this.isIdle()) this.wake();
    });
  }

  private isIdle(): boolean {
    return (
      this.running === undefined &&
      this.timer === undefined &&
      this.pending.length === 0
    );
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
