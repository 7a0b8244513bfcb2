import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import { parseDate } from '../../src/runtime/values.js';
import { formatPopulationJson } from '../../src/simulation/population/format-population.js';
import {
  joinerIndex,
  membersPerBlock,
  planBlocks,
} from '../../src/simulation/population/population-blocks.js';
import {
  runPopulation,
  type PopulationReport,
} from '../../src/simulation/population/run-population.js';
import {
  describeProgram,
  type ProgramSource,
} from '../../src/simulation/program-source.js';
import type { Workspace } from '../../src/workspace/workspace.js';

const repositoryRoot = path.join(import.meta.dirname, '..', '..');

describe('population blocks', () => {
  test('split a base into near-equal runs of members that cover it once', () => {
    const blocks = planBlocks(2_100_000);
    const sizes = blocks.map((block) => block.count);

    expect(blocks).toHaveLength(Math.ceil(2_100_000 / membersPerBlock));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(membersPerBlock);
    blocks.forEach((block, index) => {
      const previous = blocks[index - 1];
      expect(block.first).toBe(
        previous === undefined ? 0 : previous.first + previous.count,
      );
    });
    const last = blocks[blocks.length - 1];
    expect((last?.first ?? 0) + (last?.count ?? 0)).toBe(2_100_000);
  });

  test('number joiners after the base without collisions between blocks', () => {
    const blocks = planBlocks(200_000);
    const numbers = blocks.flatMap((block) =>
      [0, 1, 2, 500].map((joiner) => joinerIndex(block, joiner)),
    );

    expect(new Set(numbers).size).toBe(numbers.length);
    expect(Math.min(...numbers)).toBe(200_000);
  });
});

describe('a population run on worker threads', () => {
  let workspace: Workspace;
  let program: ProgramSource;
  const startDay = parseDate('2025-05-01') ?? 0;

  beforeAll(async () => {
    const checked = await checkWorkspace(repositoryRoot);
    if (checked.workspace === undefined) throw new Error('did not check');
    workspace = checked.workspace;
    program = describeProgram(workspace);
  });

  test('gives byte for byte the report of a run on one thread, with progress after every day', async () => {
    const options = {
      members: 2 * membersPerBlock + 5_000,
      days: 2,
      seed: 7,
      startDay,
    };
    const days: number[] = [];
    const here = await runPopulation(workspace, program, options);
    const shared = await runPopulation(workspace, program, {
      ...options,
      workers: 2,
      onProgress: (day) => days.push(day),
    });

    const json = (report: PopulationReport): string =>
      formatPopulationJson(report, { deterministic: true });
    expect(json(shared)).toBe(json(here));
    expect(days).toEqual([1, 2]);
    expect(shared.daily.map((day) => day.date)).toEqual([
      '2025-05-01',
      '2025-05-02',
    ]);
    expect(shared.timing.dayMilliseconds).toHaveLength(2);
    expect(here.totals.entries).toBeGreaterThan(0);
  }, 120_000);

  test('fails with the worker error when a worker cannot run', async () => {
    const broken: ProgramSource = {
      ...program,
      segments: { ...program.segments, lapsed_12m: '(c) => {' },
    };
    await expect(
      runPopulation(workspace, broken, {
        members: membersPerBlock + 1,
        days: 1,
        seed: 1,
        startDay,
        workers: 2,
      }),
    ).rejects.toThrow(SyntaxError);
  }, 120_000);
});
