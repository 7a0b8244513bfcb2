import type { EngineListener } from '../runtime/engine-types.js';
import type { Program } from '../runtime/program.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Fixture } from '../workspace/fixture.js';
import {
  checkExpectations,
  type FailedExpectation,
} from './check-expectations.js';
import { runFixture } from './run-fixture.js';
import type { TimelineEntry } from './timeline.js';

/** The outcome of one fixture. */
export interface FixtureResult {
  readonly fixture: Fixture;
  readonly timeline: readonly TimelineEntry[];
  readonly failures: readonly FailedExpectation[];
}

/** Runs every fixture of the workspace (or those whose id matches a filter). */
export function testFixtures(
  workspace: Workspace,
  program: Program,
  filter: (id: string) => boolean = () => true,
  observer: EngineListener = {},
): FixtureResult[] {
  return [...workspace.fixtures.values()]
    .filter((fixture) => filter(fixture.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((fixture) => {
      const timeline = runFixture(program, fixture, observer);
      return {
        fixture,
        timeline,
        failures: checkExpectations(
          fixture.expectations,
          timeline,
          program.timeZone,
        ),
      };
    });
}
