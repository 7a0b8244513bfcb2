import type { EngineListener, SendRecord } from '../runtime/engine-types.js';
import type { Program } from '../runtime/program.js';
import {
  checkExpectations,
  describeExpectation,
} from '../simulation/check-expectations.js';
import { CoverageRecorder, type Coverage } from '../simulation/coverage.js';
import { runFixture } from '../simulation/run-fixture.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ExpectationResult, FixtureRun, StoryEntry } from './build.js';

/**
 * Simulates every fixture, in id order, keeping each member's whole story
 * (paths included) and what the fixtures covered of the journeys.
 */
export function runFixtures(
  workspace: Workspace,
  program: Program,
): { runs: FixtureRun[]; coverage: Coverage } {
  const coverage = new CoverageRecorder(workspace);
  const fixtures = [...workspace.fixtures.values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const runs = fixtures.map((fixture): FixtureRun => {
    const story: StoryEntry[] = [];
    const timeline = runFixture(
      program,
      fixture,
      storyRecorder(story),
      coverage,
    );
    const failures = checkExpectations(
      fixture.expectations,
      timeline,
      program.timeZone,
    );
    const expectations = fixture.expectations.map(
      (expectation): ExpectationResult => {
        const failure = failures.find(
          (failed) => failed.expectation === expectation,
        );
        return {
          expectation,
          expected: describeExpectation(expectation),
          passed: failure === undefined,
          actual: failure?.actual ?? [],
        };
      },
    );
    return { fixture, story, expectations };
  });
  return { runs, coverage: coverage.coverage() };
}

/** A listener that appends everything the engine decides to `story`. */
function storyRecorder(story: StoryEntry[]): EngineListener {
  return {
    onSend: (record: SendRecord) => story.push({ kind: 'send', ...record }),
    onEnter: (member, journey, at) =>
      story.push({ kind: 'enter', at, member, journey }),
    onLeave: (member, journey, at, reason) =>
      story.push({ kind: 'leave', at, member, journey, reason }),
    onPath: (member, journey, step, path) =>
      story.push({ kind: 'path', member, journey, step, path }),
  };
}
