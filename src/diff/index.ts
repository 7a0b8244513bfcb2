/** `slinga diff`: what a change to a workspace changes, in domain words. */
export { openSide, type OpenSide, type SideSource } from './open-side.js';
export {
  buildDiffReport,
  checkGates,
  summariseDiff,
  type ComparedSide,
  type DiffGates,
  type DiffOptions,
  type DiffReport,
  type DiffSummary,
} from './diff-report.js';
export { diffWorkspaces, type CheckedSide } from './diff-workspaces.js';
export {
  diffFixtureSends,
  diffSends,
  type FixtureComparison,
  type FixtureSends,
  type SendChange,
  type SendChangeKind,
  type SendOutcome,
} from './diff-fixture-sends.js';
export {
  comparePopulations,
  diffPopulation,
  type Delta,
  type JourneyDelta,
  type PopulationDiff,
  type PopulationSample,
  type PressureDelta,
} from './diff-population.js';
export {
  renderChangedEmails,
  type EmailRendering,
  type RenderedEmail,
  type RenderOptions,
} from './render-emails.js';
export type {
  ChangeArea,
  ChangeDetail,
  ChangeKind,
  SemanticChange,
} from './semantic-change.js';
export type { Location } from './location.js';
export { formatDiffHuman } from './format-diff-human.js';
export { formatDiffJson, diffReportVersion } from './format-diff-json.js';
export { formatDiffMarkdown } from './format-diff-markdown.js';
