import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import { emitTypeScript } from '../../src/emit/typescript/emit-typescript.js';
import {
  runCommandLine,
  usage,
} from '../../src/emit/typescript/runner/command-line.js';
import type {
  SendLine,
  TriggerOptions,
} from '../../src/emit/typescript/runner/run-triggers.js';
import {
  emptyTriggerState,
  readTriggerState,
  stateLines,
  type TriggerState,
} from '../../src/emit/typescript/runner/trigger-state.js';
import {
  convertValue,
  type ValueProblem,
  type ValueShape,
} from '../../src/emit/typescript/runner/value-shape.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';
import {
  checkedWorkspace,
  loadEmitted,
  type EmittedCode,
} from './emitted-code.js';

const zone = new TimeZone('Europe/Stockholm');

describe('reading input values', () => {
  const money: ValueShape = { kind: 'money' };
  const level: ValueShape = { kind: 'enum', values: ['member', 'plus1500'] };
  test.each([
    { shape: { kind: 'date' }, input: '2025-03-01', value: 20_148 },
    { shape: { kind: 'date' }, input: 20_148, value: 20_148 },
    {
      shape: { kind: 'datetime' },
      input: '2025-03-01T09:00:00Z',
      value: Date.UTC(2025, 2, 1, 9),
    },
    {
      shape: { kind: 'datetime' },
      input: '2025-03-01T10:00',
      value: Date.UTC(2025, 2, 1, 9),
    },
    {
      shape: { kind: 'datetime' },
      input: '2025-07-01',
      value: Date.UTC(2025, 5, 30, 22),
    },
    { shape: { kind: 'duration' }, input: '7d', value: 604_800_000 },
    { shape: { kind: 'optional', inner: money }, input: null, value: null },
    {
      shape: { kind: 'optional', inner: money },
      input: undefined,
      value: null,
    },
    {
      shape: { kind: 'list', item: level },
      input: ['member'],
      value: ['member'],
    },
  ] as const)('$input as $shape.kind is $value', ({ shape, input, value }) => {
    const problems: ValueProblem[] = [];
    expect(convertValue(input, shape, zone, 'x', problems)).toEqual(value);
    expect(problems).toEqual([]);
  });

  test.each([
    {
      shape: { kind: 'date' },
      input: '2025-02-30',
      message: 'expected a date such as 2025-03-01',
    },
    {
      shape: { kind: 'datetime' },
      input: 'tomorrow',
      message: 'expected a datetime such as 2025-03-01T09:00:00Z',
    },
    {
      shape: { kind: 'integer' },
      input: 1.5,
      message: 'expected a whole number',
    },
    { shape: { kind: 'money' }, input: '100', message: 'expected a number' },
    {
      shape: level,
      input: 'gold',
      message: 'expected one of member, plus1500',
    },
    {
      shape: { kind: 'list', item: money },
      input: {},
      message: 'expected a list',
    },
  ] as const)('$input is no $shape.kind', ({ shape, input, message }) => {
    const problems: ValueProblem[] = [];
    expect(convertValue(input, shape, zone, 'x', problems)).toBe(null);
    expect(problems).toEqual([{ path: 'x', message }]);
  });

  test('an object reports missing and undeclared properties, and keeps __proto__ a property', () => {
    const shape: ValueShape = {
      kind: 'object',
      properties: [
        ['__proto__', { kind: 'string' }],
        ['amount', money],
        ['note', { kind: 'optional', inner: { kind: 'string' } }],
      ],
    };
    const problems: ValueProblem[] = [];
    const value = convertValue(
      JSON.parse('{"__proto__": "p", "extra": 1}'),
      shape,
      zone,
      '',
      problems,
    ) as Record<string, unknown>;
    expect(problems).toEqual([
      { path: 'extra', message: 'not in the Model' },
      { path: 'amount', message: 'missing' },
    ]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.entries(value)).toEqual([
      ['__proto__', 'p'],
      ['amount', null],
      ['note', null],
    ]);
  });
});

describe('reading a state file', () => {
  const header = JSON.stringify({
    format: 'slinga-trigger-state',
    version: 2,
    program: 'sha256:a',
    next: '2025-03-03',
  });
  const member = '{"member":{"id":"anna","level":"member"},"input":7}';
  const engine =
    '{"engine":{"now":1,"seq":2,"journeys":[{"id":"winback","shape":5}],"segments":[]}}';
  test.each([
    { lines: [], problem: 'the state file is empty' },
    { lines: ['not json'], problem: 'line 1 is not JSON' },
    {
      lines: ['{"format": "other"}'],
      problem: 'the state file is no Slinga trigger state',
    },
    {
      lines: [header.replace('"version":2', '"version":1')],
      problem: 'the state file has version 1, not 2',
    },
    {
      lines: [header.replace('"sha256:a"', 'null')],
      problem: 'the state file names no program',
    },
    {
      lines: [header.replace('"2025-03-03"', '3')],
      problem: 'the state file names no next day',
    },
    {
      lines: [header, '{"member": {"id": "anna"}}'],
      problem: 'line 2 is no member, engine, state or task line in its place',
    },
    {
      lines: [header, engine, member],
      problem: 'line 3 is no member, engine, state or task line in its place',
    },
    {
      lines: [header, member, '{"task": {"kind": "event"}}'],
      problem: 'line 3 is no member, engine, state or task line in its place',
    },
    {
      lines: [header, member],
      problem: 'the state file has no engine line',
    },
  ])('$problem', ({ lines, problem }) => {
    expect(readTriggerState(lines.join('\n'))).toEqual({
      problem,
    });
  });

  test('a saved state reads back', () => {
    const state: TriggerState = {
      ...emptyTriggerState('sha256:a'),
      next: '2025-03-03',
      members: [{ record: { id: 'anna', level: 'member' }, input: 7 }],
      engine: {
        now: 1,
        seq: 2,
        journeys: [{ id: 'winback', shape: 5 }],
        segments: [],
        members: [
          {
            member: 0,
            kept: true,
            instances: [],
            active: 0,
            offers: [],
            held: 0,
            lastEntered: [['winback', 1]],
            sends: [],
          },
        ],
        tasks: [
          {
            time: 9,
            phase: 0,
            kind: 'event',
            member: 0,
            event: { at: 9, type: 'purchase', amount: 9 },
          },
        ],
      },
    };
    const text = [...stateLines(state)].join('\n');
    expect(text.split('\n')).toEqual([
      header,
      member,
      engine,
      '{"state":{"member":0,"kept":true,"instances":[],"active":0,"offers":[],"held":0,"lastEntered":[["winback",1]],"sends":[]}}',
      '{"task":{"time":9,"phase":0,"kind":"event","member":0,"event":{"at":9,"type":"purchase","amount":9}}}',
    ]);
    expect(readTriggerState(`${text}\n`)).toEqual({ state });
  });
});

describe('runTriggers of the minimal workspace', () => {
  let emitted: EmittedCode;
  beforeAll(async () => {
    emitted = await loadEmitted(
      emitTypeScript(await checkedWorkspace(minimalWorkspace)),
    );
  }, 60_000);

  const member = {
    id: 'anna',
    first_name: null,
    email_quarantined: false,
    joined_at: '2019-05-01T12:00',
    birth_date: null,
    last_purchase_at: '2023-12-01T12:00',
    level: 'member',
    consent: { email: true, sms: false },
    purchases: [],
  };
  const run = (
    options: Partial<TriggerOptions<Record<string, unknown>>>,
  ): { problems: unknown; ran: boolean; lines: SendLine[] } => {
    const lines: SendLine[] = [];
    const result = emitted.runTriggers({
      members: [member],
      from: '2025-03-01',
      days: 1,
      onSend: (line) => lines.push(line),
      ...options,
    });
    return { problems: result.problems, ran: result.ran, lines };
  };
  const optionProblem = (message: string): unknown => [
    { input: 'options', index: -1, path: '', message },
  ];

  test.each([
    { options: { from: undefined }, message: 'from is missing' },
    { options: { from: 'March' }, message: 'from is no date: March' },
    { options: { days: 0 }, message: 'days must be a whole number from 1' },
    {
      options: { state: emptyTriggerState('sha256:other') },
      message:
        'the state was saved by other journeys; take it up with upgrade (--upgrade-state), and members leave the journeys that changed',
    },
  ])('stops when $message', ({ options, message }) => {
    expect(run(options)).toEqual({
      problems: optionProblem(message),
      ran: false,
      lines: [],
    });
  });

  /** The state after a run of 1 March. */
  const firstDayState = (): TriggerState =>
    emitted.runTriggers({
      members: [member],
      from: '2025-03-01',
      days: 1,
      onSend: () => undefined,
    }).state;

  test('continues a state only from the day after it', () => {
    expect(run({ state: firstDayState(), from: '2025-03-05' })).toEqual({
      problems: optionProblem(
        'the state continues on 2025-03-02, not 2025-03-05',
      ),
      ran: false,
      lines: [],
    });
  });

  test('stops when the state names a journey the program does not have', () => {
    const first = firstDayState();
    if (first.engine === null) throw new Error('the run saved no engine');
    const segments = [{ journey: 'gone', inside: [] }];
    const state = { ...first, engine: { ...first.engine, segments } };
    expect(run({ state, from: undefined })).toEqual({
      problems: optionProblem('the state does not fit: no journey gone'),
      ran: false,
      lines: [],
    });
  });

  test('stops when a saved member state lacks its lists', () => {
    const first = firstDayState();
    if (first.engine === null) throw new Error('the run saved no engine');
    const members = [{ member: 0 } as (typeof first.engine.members)[number]];
    const state = { ...first, engine: { ...first.engine, members } };
    const { problems, ran } = run({ state, from: undefined });
    expect({ problems, ran }).toEqual({
      problems: optionProblem(
        "the state does not fit: it is damaged (Cannot read properties of undefined (reading 'map'))",
      ),
      ran: false,
    });
  });

  test('leaves out input that does not fit the Model, and runs the rest', () => {
    const { problems, ran, lines } = run({
      members: [member, { ...member, level: 'gold' }, { id: 'bo' }, member],
      events: [
        {
          member: 'nobody',
          type: 'purchase',
          at: '2025-03-01T10:00',
          payload: { amount: 100, area: 'home', channel: 'store' },
        },
        { member: 'anna', type: 'refund', at: '2025-03-01T10:00' },
        { member: 'anna', type: 'basket_abandoned', at: 'noon' },
        {
          member: 'anna',
          type: 'basket_abandoned',
          at: '2025-03-01T10:00',
          payload: { value: 'a lot' },
        },
      ],
    });
    expect({ ran, sent: lines.map((line) => line.template) }).toEqual({
      ran: true,
      sent: ['winback'],
    });
    expect(problems).toEqual([
      {
        input: 'members',
        index: 1,
        path: 'level',
        message: 'expected one of member, plus1500, plus10000',
      },
      ...[
        'email_quarantined',
        'joined_at',
        'level',
        'consent',
        'purchases',
      ].map((path) => ({
        input: 'members',
        index: 2,
        path,
        message: 'missing',
      })),
      {
        input: 'members',
        index: 3,
        path: 'id',
        message: 'member anna appears twice',
      },
      { input: 'events', index: 0, path: 'member', message: 'no such member' },
      {
        input: 'events',
        index: 1,
        path: 'type',
        message: 'no such event type',
      },
      {
        input: 'events',
        index: 2,
        path: 'at',
        message: 'expected a datetime or epoch',
      },
      {
        input: 'events',
        index: 3,
        path: 'payload.value',
        message: 'expected a number',
      },
    ]);
  });

  test('a continued run takes in the members new since its state, and only they enter the journeys the others are done with', () => {
    const bo = { ...member, id: 'bo' };
    const { problems, lines } = run({
      members: [member, bo],
      state: firstDayState(),
      from: undefined,
    });
    expect(problems).toEqual([]);
    expect(
      lines.map((line) => [line.at.slice(0, 10), line.member, line.template]),
    ).toEqual([['2025-03-02', 'bo', 'winback']]);
  });

  test('a continued run reads again only the members whose input changed, and takes their new attributes', () => {
    const state = firstDayState();
    const count = (members: readonly unknown[]) =>
      emitted.runTriggers({ members, days: 1, state, onSend: () => undefined });
    const renamed = { ...member, first_name: 'Anna' };
    expect(count([member]).counts.members).toBe(0);
    const result = count([renamed, { ...member, id: 'bo' }]);
    expect(result.counts.members).toBe(2);
    expect(
      result.state.members.map(({ record }) => [
        record['id'],
        record['first_name'],
      ]),
    ).toEqual([
      ['anna', 'Anna'],
      ['bo', null],
    ]);
  });

  test('leaves the state it continues as it was: two runs from it decide the same', () => {
    const state = firstDayState();
    const saved = JSON.stringify(state);
    const bo = { ...member, id: 'bo' };
    // anna's purchase changes her record, which the state also holds.
    const purchase = {
      member: 'anna',
      type: 'purchase',
      at: '2025-03-02T10:00',
      payload: { amount: 300, area: 'home', channel: 'store' },
    };
    const again = () =>
      run({ members: [member, bo], events: [purchase], state, from: undefined })
        .lines;
    expect(again()).toEqual(again());
    expect(JSON.stringify(state)).toBe(saved);
  });

  test("writes the subject of every email sent from its template's subject line", () => {
    const named = { ...member, id: 'bea', first_name: 'Bea' };
    const { lines } = run({ members: [member, named] });
    expect(lines.map((line) => [line.member, line.subject])).toEqual([
      ['anna', 'Hej du'],
      ['bea', 'Hej Bea'],
    ]);
  });

  test('writes no subject for an SMS', () => {
    const quarantined = {
      ...member,
      email_quarantined: true,
      consent: { email: true, sms: true },
    };
    const { lines } = run({ members: [quarantined] });
    expect(lines.map((line) => [line.channel, line.subject])).toEqual([
      ['sms', null],
    ]);
  });

  test('asks renderSubject instead for the subject of every message sent, with the offer it issued', () => {
    const { lines } = run({
      renderSubject: (template, context) =>
        [
          template,
          String(context.member['id']),
          context.channel,
          String(context.offerValues?.['code']),
          JSON.stringify(context.event),
        ].join(' '),
    });
    expect(lines.map((line) => line.subject)).toEqual([
      `winback anna email ${lines[0]?.offerCode} null`,
    ]);
  });
});

/** Streams that keep what is written to them. */
function captured(): {
  stdout: Writable;
  stderr: Writable;
  text: { stdout: string; stderr: string };
} {
  const text = { stdout: '', stderr: '' };
  const sink = (name: 'stdout' | 'stderr'): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        text[name] += chunk.toString();
        done();
      },
    });
  return { stdout: sink('stdout'), stderr: sink('stderr'), text };
}

describe('the command line', () => {
  const streams = captured;
  const command = {
    fingerprint: 'sha256:a',
    run: (): never => {
      throw new Error('the command must not run');
    },
  };

  test('prints its usage for --help', async () => {
    const io = streams();
    expect(await runCommandLine(['--help'], command, io)).toBe(0);
    expect(io.text).toEqual({ stdout: usage, stderr: '' });
  });

  test('refuses an unknown option with exit code 2 and its usage', async () => {
    const io = streams();
    expect(await runCommandLine(['--bogus'], command, io)).toBe(2);
    expect(io.text.stderr.endsWith(`\n\n${usage}`)).toBe(true);
    expect(io.text.stderr.startsWith("Unknown option '--bogus'")).toBe(true);
  });
});

describe('a state saved by other journeys', () => {
  // Winback sends again when its offer went unused; the upgrade gives the
  // basket journey a longer wait, and leaves winback as it was.
  const winback = readFileSync(
    path.join(minimalWorkspace, 'journeys/winback.yaml'),
    'utf8',
  ).concat(
    '      else:\n        - send: { channel: email, template: basket }\n',
  );
  const basket = readFileSync(
    path.join(minimalWorkspace, 'journeys/basket.yaml'),
    'utf8',
  );
  let before: EmittedCode;
  let after: EmittedCode;
  beforeAll(async () => {
    const emit = async (files: Record<string, string>) =>
      loadEmitted(
        emitTypeScript(
          await checkedWorkspace(await copyWorkspace(minimalWorkspace, files)),
        ),
      );
    before = await emit({ 'journeys/winback.yaml': winback });
    after = await emit({
      'journeys/winback.yaml': winback,
      'journeys/basket.yaml': basket.replace('timeout: 4h', 'timeout: 6h'),
    });
  }, 60_000);

  const person = (id: string, lastPurchase: string) => ({
    id,
    first_name: null,
    email_quarantined: false,
    joined_at: '2019-05-01T12:00',
    birth_date: null,
    last_purchase_at: lastPurchase,
    level: 'member',
    consent: { email: true, sms: false },
    purchases: [],
  });
  // Anna is lapsed: winback on 1 March. Bo abandons a basket late that
  // evening, and again the next day.
  const members = [
    person('anna', '2023-12-01T12:00'),
    person('bo', '2025-02-20T12:00'),
  ];
  const abandoned = (at: string) => ({
    member: 'bo',
    type: 'basket_abandoned',
    at,
    payload: { value: 500 },
  });

  /** 1 March by the journeys before, then 24 days by those after. */
  const upgradeRun = (upgrade: boolean) => {
    const first = before.runTriggers({
      members,
      events: [abandoned('2025-03-01T22:00')],
      from: '2025-03-01',
      days: 1,
      onSend: () => undefined,
    });
    const lines: string[] = [];
    const result = after.runTriggers({
      members,
      events: [abandoned('2025-03-02T12:00')],
      days: 24,
      state: first.state,
      upgrade,
      onSend: (line) =>
        lines.push(`${line.at.slice(0, 10)} ${line.member} ${line.template}`),
    });
    return { result, lines };
  };

  test('is refused without an upgrade', () => {
    const { result, lines } = upgradeRun(false);
    expect([result.ran, result.problems.map((p) => p.message), lines]).toEqual([
      false,
      [
        'the state was saved by other journeys; take it up with upgrade (--upgrade-state), and members leave the journeys that changed',
      ],
      [],
    ]);
  });

  test('is upgraded on the command line with --upgrade-state', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'slinga-state-'));
    const file = path.join(folder, 'state.ndjson');
    const first = before.runTriggers({
      members,
      from: '2025-03-01',
      days: 1,
      onSend: () => undefined,
    });
    await writeFile(file, [...stateLines(first.state)].join('\n'));
    const command = { fingerprint: 'unused', run: after.runTriggers };
    const refused = captured();
    const args = ['--state', file, '--out', path.join(folder, 'out.ndjson')];
    expect(await runCommandLine(args, command, refused)).toBe(2);
    expect(refused.text.stderr).toBe(
      'the state was saved by other journeys; take it up with upgrade (--upgrade-state), and members leave the journeys that changed\n',
    );
    const upgraded = captured();
    const upgrade = [...args, '--upgrade-state'];
    expect(await runCommandLine(upgrade, command, upgraded)).toBe(0);
    expect(upgraded.text.stderr).toBe(
      'upgraded the state of other journeys: 0 members left journeys that changed\n' +
        '2025-03-02, 1 day(s): 0 new or changed members, 0 events, 0 send decisions\n',
    );
  });

  test('upgraded, members go on in unchanged journeys, leave changed ones, and entries and offers carry over', () => {
    const { result, lines } = upgradeRun(true);
    expect(result.upgraded).toEqual({ ended: 1 });
    // Anna's winback goes on to its second send, and her offer's reminder
    // comes. Bo left the basket journey before its wait ended, and his
    // entry on 1 March keeps him out of it for 7 days.
    expect(lines).toEqual([
      '2025-03-15 anna basket',
      '2025-03-24 anna winback_reminder',
    ]);
  });
});
