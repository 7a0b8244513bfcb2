/**
 * `slinga watch`: rebuild a workspace as its files change and serve a live
 * preview of it (see src/preview/).
 */
export { startWatch } from './watch-session.js';
export type { WatchOptions, WatchSession } from './watch-session.js';
export { WorkspaceBuilder } from './workspace-builder.js';
export type {
  Build,
  ExpectationResult,
  FileChange,
  FixtureRun,
  GoodBuild,
  StoryEntry,
} from './build.js';
export { defaultPopulationSettings } from './population-runner.js';
export type {
  PopulationRun,
  PopulationSettings,
  PopulationState,
} from './population-runner.js';
