import type { Build } from '../watch/build.js';
import type { PopulationState } from '../watch/population-runner.js';

/** Everything the preview pages show, at one moment. */
export interface PreviewState {
  /** Raised on every change the pages show: rebuilds and population runs. */
  readonly version: number;
  /** The workspace folder's name, for titles. */
  readonly name: string;
  readonly build: Build;
  readonly population: PopulationState;
}
