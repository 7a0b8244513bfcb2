/**
 * Tasks keyed by the instant they are due. Tasks at the same instant come
 * out ordered by phase, then in the order they were added, so a run is the
 * same every time.
 */
export class Agenda<Task> {
  private readonly buckets = new Map<
    number,
    { phase: number; seq: number; task: Task }[]
  >();
  private readonly times: number[] = [];
  private seq = 0;

  /** Adds a task due at `time`; a lower phase runs first within an instant. */
  add(time: number, phase: number, task: Task): void {
    let bucket = this.buckets.get(time);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(time, bucket);
      this.pushTime(time);
    }
    bucket.push({ phase, seq: this.seq++, task });
  }

  /** The earliest instant with tasks, or undefined. */
  peekTime(): number | undefined {
    return this.times[0];
  }

  /** Removes and returns the tasks of the earliest instant, in order. */
  takeEarliest(): { time: number; tasks: Task[] } | undefined {
    const time = this.popTime();
    if (time === undefined) return undefined;
    const bucket = this.buckets.get(time) ?? [];
    this.buckets.delete(time);
    bucket.sort((a, b) => a.phase - b.phase || a.seq - b.seq);
    return { time, tasks: bucket.map((entry) => entry.task) };
  }

  /** Every task with its instant and phase, in the order they come out. */
  *entries(): Generator<{ time: number; phase: number; task: Task }> {
    const times = [...this.buckets.keys()].sort((a, b) => a - b);
    for (const time of times) {
      const bucket = [...(this.buckets.get(time) ?? [])];
      bucket.sort((a, b) => a.phase - b.phase || a.seq - b.seq);
      for (const { phase, task } of bucket) yield { time, phase, task };
    }
  }

  get size(): number {
    return this.times.length;
  }

  private pushTime(time: number): void {
    const heap = this.times;
    heap.push(time);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if ((heap[parent] ?? 0) <= time) break;
      heap[index] = heap[parent] ?? 0;
      index = parent;
    }
    heap[index] = time;
  }

  private popTime(): number | undefined {
    const heap = this.times;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0)
      return top;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && (heap[right] ?? 0) < (heap[left] ?? 0)
          ? right
          : left;
      if ((heap[child] ?? 0) >= last) break;
      heap[index] = heap[child] ?? 0;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}
