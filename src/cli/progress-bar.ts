import type { Writable } from './streams.js';

/** A progress bar on a terminal; silent on anything else. */
export interface ProgressBar {
  readonly update: (done: number, total: number) => void;
  readonly done: () => void;
}

const width = 30;

/** Draws `label [#####-----] 3/30` on one line of a terminal stream. */
export function progressBar(stream: Writable, label: string): ProgressBar {
  if (stream.isTTY !== true)
    return { update: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    update: (done, total) => {
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(`\r${label} [${bar}] ${done}/${total}`);
      drawn = true;
    },
    done: () => {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
