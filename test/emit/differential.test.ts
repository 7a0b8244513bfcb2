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
import {
  compileTemplates,
  type CompiledTemplate,
  type RecommendationProvider,
} from '../../src/templates/index.js';
import type { Fixture, FixtureEvent } from '../../src/workspace/fixture.js';
import type { Workspace } from '../../src/workspace/workspace.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';
import {
  checkedWorkspace,
  loadEmitted,
  repositoryRoot,
  sendLines,
  type EmittedCode,
} from './emitted-code.js';
import { eventInput, memberInput } from './input-form.js';
import { simulatedSends } from './simulated-sends.js';

/*
 * The emitted trigger code must decide exactly what the simulator decides:
 * the same sends, at the same instants, with the same offer codes and
 * contact rules, and write the subject Slinga's renderer gives each email
 * sent. Each test runs both on the same members and events.
 */

const run = promisify(execFile);

/** What one workspace's tests share. */
interface Prepared {
  readonly workspace: Workspace;
  readonly program: Program;
  readonly emitted: EmittedCode;
  /** The workspace's templates, compiled by Slinga. */
  readonly templates: ReadonlyMap<string, CompiledTemplate>;
}

/** Products for subjects that ask, the same for both runs. */
const recommendations: RecommendationProvider = {
  products: (provider, member, count) =>
    Array.from({ length: count }, (_, index) => ({
      name: `${provider} ${String(member['id'])} <${index}> & co`,
      price: 1_000 * index + 99.5,
      url: `https://example.com/p/${index}`,
      image_url: `https://example.com/i/${index}.jpg`,
      brand: 'Märke',
    })),
};

const prepared = new Map<string, Promise<Prepared>>();

/** A workspace checked, built, compiled and emitted, once per test file. */
function prepare(folder: string | Promise<string>): Promise<Prepared> {
  const key = typeof folder === 'string' ? folder : 'every value';
  let found = prepared.get(key);
  if (found === undefined) {
    found = Promise.resolve(folder).then(emitAndLoad);
    prepared.set(key, found);
  }
  return found;
}

async function emitAndLoad(folder: string): Promise<Prepared> {
  const workspace = await checkedWorkspace(folder);
  const compiled = await compileTemplates(workspace);
  return {
    workspace,
    program: buildProgram(workspace),
    emitted: await loadEmitted(emitTypeScript(workspace)),
    templates: compiled.templates,
  };
}

/**
 * The minimal workspace with subject lines that show every kind of value:
 * member, event and offer fields, parameters, every helper, text that HTML
 * would escape. Its offer reminder falls due at 07:00, inside quiet hours
 * for email, so that it is decided twice.
 */
async function everyValueWorkspace(): Promise<string> {
  const folder = minimalWorkspace;
  const read = (file: string): Promise<string> =>
    readFile(path.join(folder, file), 'utf8');
  const withSubject = async (file: string, subject: string): Promise<string> =>
    (await read(file)).replace(/^subject: .*$/m, `subject: '${subject}'`);
  return copyWorkspace(folder, {
    'templates/winback.mjml': await withSubject(
      'templates/winback.mjml',
      '{{coalesce member.first_name "du"}}: {{offer.percent}} % med {{offer.code}} till {{format_date offer.expires_at}}{{#each (recommendations "home_bestsellers" 2)}}, {{name}} för {{format_money price}}{{/each}}',
    ),
    'templates/winback_reminder.mjml': await withSubject(
      'templates/winback_reminder.mjml',
      '{{offer.code}} gäller till {{format_date offer.expires_at}}{{#if offer.redeemed}} (använt){{/if}}, utfärdat {{format_date offer.issued_at}} <& {{offer.percent}} %>',
    ),
    'templates/basket.mjml': await withSubject(
      'templates/basket.mjml',
      'Kundkorg på {{format_money event.value}} den {{format_date event.at}}, medlem sedan {{format_date member.joined_at}}, {{params.winback_after_days}} dagar',
    ),
    'journeys/offers.yaml': (await read('journeys/offers.yaml')).replace(
      'before_expiry: 7d',
      'before_expiry: 170h',
    ),
    'journeys/policy.yaml': (await read('journeys/policy.yaml')).replace(
      'quiet_hours:',
      'quiet_hours:\n  - channel: email\n    from: "06:00"\n    to: "08:00"\n    action: defer',
    ),
  });
}

/** How runEmitted splits a fixture into runs. */
interface Runs {
  /** The days of each run; one run of the whole fixture by default. */
  readonly days?: readonly number[];
  /** Whether the first run is given every event, later ones none. */
  readonly eventsUpFront?: boolean;
  /** Receives the kinds of the tasks saved between runs. */
  readonly savedTasks?: Set<string>;
}

/**
 * Runs a fixture through the emitted runTriggers in runs, each continuing
 * the state the one before saved (through JSON, as the state file does).
 * Every run is given all members again, and the events of its own days
 * (or all of them at once).
 */
function runEmitted(
  code: Prepared,
  fixture: Fixture,
  { days: runs = [fixture.days], eventsUpFront = false, savedTasks }: Runs = {},
): SendLine[] {
  const { workspace, emitted } = code;
  const zone = code.program.timeZone;
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
    const inRun = (at: number): boolean =>
      eventsUpFront
        ? isFirst
        : (isFirst || at >= start) && (isLast || at < end);
    const events = fixture.events
      .filter((event) => inRun(event.at))
      .map((event) => eventInput(workspace.model, event));
    const result = emitted.runTriggers({
      members,
      events,
      from: isFirst ? formatDate(first) : undefined,
      days,
      state,
      recommendations,
      onSend: (line) => lines.push(line),
    });
    expect(result.problems).toEqual([]);
    state = savedAndRead(result.state);
    for (const task of state.engine?.tasks ?? []) savedTasks?.add(task.kind);
    first += days;
  });
  return lines;
}

/** A state written to its file's lines and read back. */
function savedAndRead(state: TriggerState): TriggerState {
  const lines = [...stateLines(state)].join('\n');
  const read = readTriggerState(lines);
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

/** The simulator's decisions on a fixture, with Slinga's subjects. */
function simulated(code: Prepared, fixture: Fixture): SendLine[] {
  return simulatedSends({ ...code, recommendations }, fixture);
}

/** Lines with their subjects left out. */
function decisions(lines: readonly SendLine[]): SendLine[] {
  return lines.map((line) => ({ ...line, subject: null }));
}

// taskKinds: the kinds of task the continued fixtures save in their states;
// the bundled workspace's take every kind through a state file.
describe.each([
  {
    name: 'the bundled workspace',
    folder: () => repositoryRoot,
    taskKinds: ['deliver', 'event', 'reminder', 'timeout', 'wake'],
  },
  {
    name: 'test/fixtures/minimal',
    folder: () => minimalWorkspace,
    taskKinds: ['reminder', 'wake'],
  },
  {
    name: 'test/fixtures/minimal with subjects that show every value',
    folder: everyValueWorkspace,
    taskKinds: ['reminder', 'wake'],
  },
])('the emitted code of $name', ({ folder, taskKinds }) => {
  let code: Prepared;
  beforeAll(async () => {
    code = await prepare(folder());
  }, 60_000);

  test('holds the Program that buildProgram builds', () => {
    expect(programData(code.emitted.program)).toEqual(
      programData(code.program),
    );
  });

  test('decides every fixture as the simulator does, with the subjects Slinga renders', () => {
    const fixtures = [...code.workspace.fixtures.values()];
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      const expected = simulated(code, fixture);
      expect(decisions(expected)).toEqual(
        sendLines(runFixture(code.program, fixture)),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect({
        fixture: fixture.id,
        sends: runEmitted(code, fixture),
      }).toEqual({ fixture: fixture.id, sends: expected });
    }
  });

  test('continues a fixture from its saved state as one run decides it', () => {
    const savedTasks = new Set<string>();
    for (const fixture of code.workspace.fixtures.values()) {
      const third = Math.max(1, Math.floor(fixture.days / 3));
      const runs = [third, third, fixture.days - 2 * third].filter(
        (days) => days > 0,
      );
      expect({
        fixture: fixture.id,
        sends: runEmitted(code, fixture, {
          days: runs,
          eventsUpFront: true,
          savedTasks,
        }),
      }).toEqual({ fixture: fixture.id, sends: simulated(code, fixture) });
    }
    expect([...savedTasks].sort()).toEqual(taskKinds);
  });
});

test('writes subjects with every kind of value, also for a reminder deferred by quiet hours', async () => {
  const code = await prepare(everyValueWorkspace());
  const fixture = code.workspace.fixtures.get('winback_and_basket');
  if (fixture === undefined) throw new Error('the minimal fixture is gone');
  const lines = runEmitted(code, fixture);
  const reminders = lines.filter(
    (line) => line.member === 'anna' && line.template === 'winback_reminder',
  );
  expect(reminders.map((line) => [line.at, line.outcome])).toEqual([
    ['2025-03-24T06:00:00.000Z', 'deferred'],
    ['2025-03-24T07:00:00.000Z', 'sent'],
  ]);
  const subjects = lines.flatMap((line) =>
    line.subject === null ? [] : [[line.template, line.subject]],
  );
  expect(subjects.map(([template]) => template)).toEqual([
    'winback',
    'basket',
    'winback_reminder',
  ]);
  const sent = new Map(subjects.map(([template, text]) => [template, text]));
  expect(sent.get('winback')).toMatch(
    /^du: 25 % med WINBACK25-\w+ till 2025-03-31, home_bestsellers anna <0> & co för 99,50 kr, home_bestsellers anna <1> & co för 1 099,50 kr$/,
  );
  expect(sent.get('basket')).toBe(
    'Kundkorg på 450 kr den 2025-03-03, medlem sedan 2024-05-01, 367 dagar',
  );
  expect(sent.get('winback_reminder')).toMatch(
    /^WINBACK25-\w+ gäller till 2025-03-31, utfärdat 2025-03-01 <& 25 %>$/,
  );
});

test('the emitted code decides a generated population of 100,000 members over three days as the simulator does, with the subjects Slinga renders', async () => {
  const code = await prepare(repositoryRoot);
  const fixture = populationFixture(code, 100_000, 3);
  const expected = simulated(code, fixture);
  expect(expected.length).toBeGreaterThan(5_000);
  const subjects = expected.filter((line) => line.subject !== null);
  expect(new Set(subjects.map((line) => line.template)).size).toBeGreaterThan(
    5,
  );

  const actual = runEmitted(code, fixture);
  expect(actual.length).toBe(expected.length);
  expect(actual).toEqual(expected);
}, 120_000);

test('continues a generated population of 20,000 members from its saved state, day by day, as one run decides it', async () => {
  const code = await prepare(repositoryRoot);
  const fixture = populationFixture(code, 20_000, 4);
  const expected = simulated(code, fixture);
  expect(expected.length).toBeGreaterThan(1_000);
  expect(runEmitted(code, fixture, { days: [1, 1, 2] })).toEqual(expected);
}, 120_000);

/**
 * Members and events from the population generator, as a fixture: the
 * events of every day are generated first, so that both runs see the same
 * member base from the first day (members who join on a later day too).
 */
function populationFixture(
  code: Prepared,
  count: number,
  days: number,
): Fixture {
  const { model } = code.workspace;
  const timeZone = code.program.timeZone;
  const startDay = parseDate('2025-05-01') ?? 0;
  const seed = 7;
  const members = generateMembers(model, { count, seed, startDay, timeZone });
  const generator = new EventGenerator(model, members, {
    seed,
    startDay,
    timeZone,
  });
  const events: FixtureEvent[] = [];
  const span = code.workspace.model.span;
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
  const code = await prepare(minimalWorkspace);
  const fixture = code.workspace.fixtures.get('winback_and_basket');
  if (fixture === undefined) throw new Error('the minimal fixture is gone');
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-cli-'));
  const file = (name: string): string => path.join(folder, name);
  const ndjson = (values: readonly unknown[]): string =>
    values.map((value) => `${JSON.stringify(value)}\n`).join('');
  await writeFile(
    file('members.ndjson'),
    ndjson(
      fixture.members.map((member) =>
        memberInput(code.workspace.model, member.attributes),
      ),
    ),
  );
  await writeFile(
    file('events.ndjson'),
    ndjson(
      fixture.events.map((event) => eventInput(code.workspace.model, event)),
    ),
  );
  const main = path.join(code.emitted.folder, 'main.js');
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
  // The command line gives no recommendation provider: none are shown.
  const none = { products: () => [] };
  expect(lines).toEqual(
    simulatedSends({ ...code, recommendations: none }, fixture),
  );
  expect([first.stderr, second.stderr]).toEqual([
    '2025-03-01, 12 day(s): 3 new or changed members, 2 events, 3 send decisions\n',
    '2025-03-13, 18 day(s): 0 new or changed members, 0 events, 2 send decisions\n',
  ]);
});
