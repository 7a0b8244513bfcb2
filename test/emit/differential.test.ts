import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { emitTypeScript } from '../../src/emit/typescript/emit-typescript.js';
import type { SendLine } from '../../src/emit/typescript/runner/run-triggers.js';
import {
  readTriggerState,
  stateLines,
  type TriggerState,
} from '../../src/emit/typescript/runner/trigger-state.js';
import type { Program } from '../../src/runtime/program.js';
import { formatDate, parseDate } from '../../src/runtime/values.js';
import { buildProgram } from '../../src/simulation/build-program.js';
import { EventGenerator } from '../../src/simulation/population/generate-events.js';
import { generateMembers } from '../../src/simulation/population/generate-members.js';
import { runFixture } from '../../src/simulation/run-fixture.js';
import type { Fixture, FixtureEvent } from '../../src/workspace/fixture.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { minimalWorkspace } from '../support/workspace-copy.js';
import {
  checkedWorkspace,
  loadEmitted,
  repositoryRoot,
  sendLines,
  type EmittedCode,
} from './emitted-code.js';
import { eventInput, memberInput } from './input-form.js';

/*
 * The emitted trigger code must decide exactly what the simulator decides:
 * the same sends, at the same instants, with the same offer codes and
 * contact rules. Each test runs both on the same members and events.
 */

const run = promisify(execFile);

/** What one workspace's tests share. */
interface Subject {
  readonly workspace: Workspace;
  readonly program: Program;
  readonly emitted: EmittedCode;
}

const subjects = new Map<string, Promise<Subject>>();

/** A workspace checked, built and emitted, once per test file. */
function prepare(folder: string): Promise<Subject> {
  let subject = subjects.get(folder);
  if (subject === undefined) {
    subject = emitAndLoad(folder);
    subjects.set(folder, subject);
  }
  return subject;
}

async function emitAndLoad(folder: string): Promise<Subject> {
  const workspace = await checkedWorkspace(folder);
  return {
    workspace,
    program: buildProgram(workspace),
    emitted: await loadEmitted(emitTypeScript(workspace)),
  };
}

/**
 * Runs a fixture through the emitted runTriggers in runs of the given
 * lengths, each continuing the state the one before saved (through JSON,
 * as the state file does). Every run is given all members again, and the
 * events of its own days.
 */
function runEmitted(
  subject: Subject,
  fixture: Fixture,
  runs: readonly number[] = [fixture.days],
): SendLine[] {
  const { workspace, emitted } = subject;
  const zone = subject.program.timeZone;
  const members = fixture.members.map((member) =>
    memberInput(workspace.model, member.attributes),
  );
  const lines: SendLine[] = [];
  let state: TriggerState | undefined;
  let first = fixture.startDay;
  runs.forEach((days, index) => {
    const isFirst = index === 0;
    const isLast = index === runs.length - 1;
    const start = zone.toEpoch(first, 0);
    const end = zone.toEpoch(first + days, 0);
    const events = fixture.events
      .filter(
        (event) => (isFirst || event.at >= start) && (isLast || event.at < end),
      )
      .map((event) => eventInput(workspace.model, event));
    const result = emitted.runTriggers({
      members,
      events,
      from: isFirst ? formatDate(first) : undefined,
      days,
      state,
      onSend: (line) => lines.push(line),
    });
    expect(result.problems).toEqual([]);
    state = savedAndRead(result.state);
    first += days;
  });
  return lines;
}

/** A state written to its file's lines and read back. */
function savedAndRead(state: TriggerState): TriggerState {
  const lines = [...stateLines(state)].join('\n');
  const read = readTriggerState(lines, state.program);
  if ('problem' in read) throw new Error(read.problem);
  return read.state;
}

/** A program's data with functions, maps, sets and the zone made comparable. */
function programData(value: unknown): unknown {
  if (typeof value === 'function') return 'function';
  if (value instanceof Map) {
    return [...(value as Map<string, unknown>)]
      .map(([key, item]) => [key, programData(item)])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
  }
  if (value instanceof Set) return [...(value as Set<string>)].sort();
  if (Array.isArray(value)) return value.map((item) => programData(item));
  if (typeof value === 'object' && value !== null) {
    if (value.constructor.name === 'TimeZone') {
      return { timeZone: (value as { name: string }).name };
    }
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, programData(item)]),
    );
  }
  return value;
}

describe.each([
  { name: 'the bundled workspace', folder: repositoryRoot },
  { name: 'test/fixtures/minimal', folder: minimalWorkspace },
])('the emitted code of $name', ({ folder }) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await prepare(folder);
  }, 60_000);

  test('holds the Program that buildProgram builds', () => {
    expect(programData(subject.emitted.program)).toEqual(
      programData(subject.program),
    );
  });

  test('decides every fixture as the simulator does', () => {
    const fixtures = [...subject.workspace.fixtures.values()];
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      const expected = sendLines(runFixture(subject.program, fixture));
      expect(expected.length).toBeGreaterThan(0);
      expect({
        fixture: fixture.id,
        sends: runEmitted(subject, fixture),
      }).toEqual({ fixture: fixture.id, sends: expected });
    }
  });

  test('continues a fixture from its saved state as one run decides it', () => {
    for (const fixture of subject.workspace.fixtures.values()) {
      const third = Math.max(1, Math.floor(fixture.days / 3));
      const runs = [third, third, fixture.days - 2 * third].filter(
        (days) => days > 0,
      );
      const expected = sendLines(runFixture(subject.program, fixture));
      expect({
        fixture: fixture.id,
        sends: runEmitted(subject, fixture, runs),
      }).toEqual({ fixture: fixture.id, sends: expected });
    }
  });
});

test('the emitted code decides a generated population of 10,000 members over three days as the simulator does', async () => {
  const subject = await prepare(repositoryRoot);
  const fixture = populationFixture(subject, 10_000, 3);
  const expected = sendLines(runFixture(subject.program, fixture));
  expect(expected.length).toBeGreaterThan(500);

  const actual = runEmitted(subject, fixture);
  expect(actual.length).toBe(expected.length);
  expect(actual).toEqual(expected);
});

/**
 * Members and events from the population generator, as a fixture: the
 * events of every day are generated first, so that both runs see the same
 * member base from the first day (members who join on a later day too).
 */
function populationFixture(
  subject: Subject,
  count: number,
  days: number,
): Fixture {
  const { model } = subject.workspace;
  const timeZone = subject.program.timeZone;
  const startDay = parseDate('2025-05-01') ?? 0;
  const seed = 7;
  const members = generateMembers(model, { count, seed, startDay, timeZone });
  const generator = new EventGenerator(model, members, {
    seed,
    startDay,
    timeZone,
  });
  const events: FixtureEvent[] = [];
  const span = subject.workspace.model.span;
  for (let day = startDay; day < startDay + days; day++) {
    generator.generateDay(day, (memberIndex, event) => {
      const { at, type, ...payload } = event;
      events.push({
        at: at as number,
        member: String(members[memberIndex]?.['id']),
        type: String(type),
        payload,
        span,
      });
    });
  }
  return {
    id: 'population',
    description: undefined,
    startDay,
    days,
    members: members.map((attributes) => ({
      id: String(attributes['id']),
      attributes,
      span,
    })),
    events,
    expectations: [],
    span,
  };
}

test('the emitted main.js runs from the command line and continues from its state file', async () => {
  const subject = await prepare(minimalWorkspace);
  const fixture = subject.workspace.fixtures.get('winback_and_basket');
  if (fixture === undefined) throw new Error('the minimal fixture is gone');
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-cli-'));
  const file = (name: string): string => path.join(folder, name);
  const ndjson = (values: readonly unknown[]): string =>
    values.map((value) => `${JSON.stringify(value)}\n`).join('');
  await writeFile(
    file('members.ndjson'),
    ndjson(
      fixture.members.map((member) =>
        memberInput(subject.workspace.model, member.attributes),
      ),
    ),
  );
  await writeFile(
    file('events.ndjson'),
    ndjson(
      fixture.events.map((event) => eventInput(subject.workspace.model, event)),
    ),
  );
  const main = path.join(subject.emitted.folder, 'main.js');
  const common = [
    '--members',
    file('members.ndjson'),
    '--state',
    file('state.ndjson'),
  ];

  const first = await run('node', [
    main,
    ...common,
    '--events',
    file('events.ndjson'),
    '--from',
    formatDate(fixture.startDay),
    '--days',
    '12',
  ]);
  const second = await run('node', [
    main,
    ...common,
    '--days',
    String(fixture.days - 12),
    '--out',
    file('decisions.ndjson'),
  ]);

  const output =
    first.stdout + (await readFile(file('decisions.ndjson'), 'utf8'));
  const lines = output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
  expect(lines).toEqual(sendLines(runFixture(subject.program, fixture)));
  expect([first.stderr, second.stderr]).toEqual([
    '2025-03-01, 12 day(s): 3 new or changed members, 2 events, 3 send decisions\n',
    '2025-03-13, 18 day(s): 0 new or changed members, 0 events, 2 send decisions\n',
  ]);
});
