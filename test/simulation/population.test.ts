import { describe, expect, test } from 'vitest';
import type { Type } from '../../src/language/types.js';
import { millisecondsPerDay } from '../../src/runtime/calendar.js';
import type { ConditionContext } from '../../src/runtime/condition-context.js';
import type {
  Instruction,
  Program,
  ProgramJourney,
  ProgramPolicy,
} from '../../src/runtime/program.js';
import { stablePercent } from '../../src/runtime/stable-hash.js';
import { TimeZone } from '../../src/runtime/time-zone.js';
import { parseDate } from '../../src/runtime/values.js';
import {
  formatPopulationHuman,
  formatPopulationJson,
  formatPopulationMarkdown,
} from '../../src/simulation/population/format-population.js';
import { fits } from '../../src/simulation/population/event-shapes.js';
import {
  generateMembers,
  type Member,
} from '../../src/simulation/population/generate-members.js';
import { Random } from '../../src/simulation/population/random.js';
import { runPopulation } from '../../src/simulation/population/run-population.js';
import type {
  EventType,
  Field,
  MemberModel,
} from '../../src/workspace/workspace.js';

const zone = new TimeZone('Europe/Stockholm');
const startDay = parseDate('2025-05-01') ?? 0;
const start = zone.toEpoch(startDay, 0);

// --- A Model of the programme's core, written in code ---------------------

const span = {
  file: 'test',
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};
const string: Type = { kind: 'string' };
const boolean: Type = { kind: 'boolean' };
const money: Type = { kind: 'money' };
const datetime: Type = { kind: 'datetime' };
const optional = (inner: Type): Type => ({ kind: 'optional', inner });
const choice = (...values: string[]): Type => ({ kind: 'enum', values });
const object = (properties: Record<string, Type>): Type => ({
  kind: 'object',
  properties: new Map(Object.entries(properties)),
});

function fields(types: Record<string, Type>): Map<string, Field> {
  return new Map(
    Object.entries(types).map(([name, type]): [string, Field] => [
      name,
      { name, type, description: undefined, span },
    ]),
  );
}

function modelOf(
  attributes: Record<string, Type>,
  events: Record<string, Record<string, Type>>,
): MemberModel {
  const eventTypes = new Map<string, EventType>(
    Object.entries(events).map(([name, payload]) => [
      name,
      {
        name,
        description: undefined,
        type: object(payload),
        fields: fields({ ...payload, at: datetime, type: string }),
        effects: [],
        span,
      },
    ]),
  );
  return {
    id: 'test',
    member: object(attributes),
    attributes: fields(attributes),
    events: eventTypes,
    span,
  };
}

const area = choice('fashion', 'home', 'beauty');
const channel = choice('store', 'online');
const programmeModel = modelOf(
  {
    id: string,
    email: optional(string),
    phone: optional(string),
    email_quarantined: boolean,
    joined_at: datetime,
    birth_date: optional({ kind: 'date' }),
    gender: choice('female', 'male', 'other', 'unknown'),
    level: choice('member', 'plus1500', 'plus10000'),
    consent: object({ email: boolean, sms: boolean }),
    purchases: {
      kind: 'list',
      item: object({ at: datetime, amount: money, area, channel }),
    },
    last_purchase_at: optional(datetime),
    spend_12m: money,
  },
  {
    purchase: { amount: money, area, channel, store: optional(string) },
    basket_abandoned: { basket_id: string, value: money },
    order_placed: { order_id: string, amount: money },
  },
);

// --- Programs written in code ---------------------------------------------

type Condition = (context: ConditionContext) => unknown;
const always: Condition = () => true;
const emailConsent: Condition = (c) =>
  (c.member['consent'] as Record<string, unknown>)['email'] === true &&
  c.member['email'] !== null;

function program(
  journeys: readonly Omit<ProgramJourney, 'index' | 'rank'>[],
  policy: Partial<ProgramPolicy> = {},
): Program {
  return {
    timeZone: zone,
    journeys: journeys.map((journey, index) => ({
      ...journey,
      index,
      rank: index,
    })),
    offers: new Map([
      [
        'ten_off',
        {
          id: 'ten_off',
          percent: 10,
          amount: 0,
          minimumPurchase: 0,
          channels: ['store', 'online'],
          areas: [],
          validityMs: 3 * millisecondsPerDay,
          oncePerMember: true,
          reminders: [
            {
              beforeExpiryMs: millisecondsPerDay,
              template: 'reminder',
              channel: 'email',
            },
          ],
        },
      ],
    ]),
    policy: {
      consent: { email: emailConsent },
      caps: [],
      quietHours: [],
      fallbacks: [],
      transactionalExempt: true,
      ...policy,
    },
    params: {},
    segments: {},
    templates: new Set(['email:hello', 'email:later', 'email:reminder']),
    purchaseEvent: 'purchase',
    eventEffects: new Map(),
    retainedLists: [],
  };
}

/** A journey entered every day at a time; code index 0 is its end. */
function daily(
  id: string,
  atMinute: number,
  steps: readonly Instruction[],
  audience: Condition = always,
): Omit<ProgramJourney, 'index' | 'rank'> {
  return {
    id,
    category: 'lifecycle',
    entry: {
      kind: 'schedule',
      every: 'day',
      atMinute,
      weekday: 0,
      dayOfMonth: 1,
      audience,
    },
    reEntryAfterMs: -1,
    exitEvents: [],
    exitConditions: [],
    goal: null,
    code: [{ op: 'end' }, ...steps],
    start: 1,
  };
}

function send(
  template: string,
  next = 0,
  offer: string | null = null,
): Instruction {
  return {
    op: 'send',
    step: template,
    channel: 'email',
    template,
    offer,
    category: null,
    next,
  };
}

const shareOf = (members: readonly Member[], test: (m: Member) => boolean) =>
  members.filter(test).length / members.length;

// --- Tests -----------------------------------------------------------------

describe('the generated member base', () => {
  const members = generateMembers(programmeModel, {
    count: 50_000,
    seed: 7,
    startDay,
    timeZone: zone,
  });

  test('is shaped like the programme: 90 % women, average age 46, 81 % active', () => {
    const women = shareOf(members, (member) => member['gender'] === 'female');
    const active = shareOf(
      members,
      (member) =>
        typeof member['last_purchase_at'] === 'number' &&
        member['last_purchase_at'] >= start - 365 * millisecondsPerDay,
    );
    const ages = members
      .map((member) => member['birth_date'])
      .filter((birth): birth is number => typeof birth === 'number')
      .map((birth) => Math.floor((startDay - birth) / 365.2425));
    const averageAge = ages.reduce((sum, age) => sum + age, 0) / ages.length;

    expect(women).toBeGreaterThan(0.89);
    expect(women).toBeLessThan(0.91);
    expect(averageAge).toBeGreaterThan(45.5);
    expect(averageAge).toBeLessThan(46.5);
    expect(active).toBeGreaterThan(0.8);
    expect(active).toBeLessThan(0.82);
  });

  test('buys mostly beauty, mostly in stores, and keeps short histories', () => {
    const purchases = members.flatMap(
      (member) => member['purchases'] as Record<string, unknown>[],
    );
    const share = (key: string, value: string): number =>
      purchases.filter((item) => item[key] === value).length / purchases.length;

    expect(share('area', 'beauty')).toBeGreaterThan(share('area', 'fashion'));
    expect(share('area', 'fashion')).toBeGreaterThan(share('area', 'home'));
    expect(share('channel', 'store')).toBeGreaterThan(0.75);
    expect(purchases.length / members.length).toBeLessThanOrEqual(6);
  });

  test('gives every member the same properties in the same order', () => {
    const keys = JSON.stringify(Object.keys(members[0] ?? {}));
    expect(members.every((m) => JSON.stringify(Object.keys(m)) === keys)).toBe(
      true,
    );
  });

  test('gives attributes the programme does not know a value of their type', () => {
    const types: Record<string, Type> = {
      id: string,
      nickname: string,
      visits: { kind: 'integer' },
      score: { kind: 'number' },
      credit: money,
      vip: boolean,
      anniversary: { kind: 'date' },
      seen_at: datetime,
      grace: { kind: 'duration' },
      tier: choice('a', 'b'),
      tags: { kind: 'list', item: string },
      address: object({ city: string, zip: { kind: 'integer' } }),
      note: optional(string),
    };
    const generic = generateMembers(modelOf(types, {}), {
      count: 500,
      seed: 1,
      startDay,
      timeZone: zone,
    });
    for (const member of generic) {
      for (const [name, type] of Object.entries(types)) {
        expect(fits(member[name], type), name).toBe(true);
      }
    }
  });

  test('is the same for the same seed', () => {
    const again = generateMembers(programmeModel, {
      count: 1_000,
      seed: 7,
      startDay,
      timeZone: zone,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(members.slice(0, 1_000)));
  });
});

describe('split and holdout shares', () => {
  const members = generateMembers(programmeModel, {
    count: 100_000,
    seed: 3,
    startDay,
    timeZone: zone,
  });

  test('stable positions split 100 000 members 45 / 45 / 10 within half a point', () => {
    const positions = members.map((member) =>
      stablePercent(`${String(member['id'])}/anti_churn/steps.0`),
    );
    const share = (low: number, high: number): number =>
      positions.filter((p) => p >= low && p < high).length / positions.length;

    expect(Math.abs(share(0, 45) - 0.45)).toBeLessThan(0.005);
    expect(Math.abs(share(45, 90) - 0.45)).toBeLessThan(0.005);
    expect(Math.abs(share(90, 100) - 0.1)).toBeLessThan(0.005);
  });

  test('the engine holds out exactly the members whose position is past the variants', async () => {
    const split: Instruction = {
      op: 'split',
      step: 'split',
      variants: [
        { id: 'a', upTo: 45, start: 2 },
        { id: 'b', upTo: 90, start: 3 },
      ],
    };
    const report = await runPopulation(
      { model: programmeModel },
      program([
        daily('experiment', 9 * 60, [split, send('hello'), send('later')]),
      ]),
      { members: 100_000, days: 1, seed: 3, startDay },
    );
    const heldOut = members.filter(
      (member) =>
        stablePercent(`${String(member['id'])}/experiment/split`) >= 90,
    ).length;

    const journey = report.journeys[0];
    expect(journey?.entries).toBe(100_000);
    expect(journey?.exits['holdout']).toBe(heldOut);
    expect(Math.abs(heldOut / 100_000 - 0.1)).toBeLessThan(0.005);
  });
});

describe('runPopulation', () => {
  test('counts sends, consent and cap hold-backs, exits and weekly pressure exactly', async () => {
    const count = 2_000;
    const members = generateMembers(programmeModel, {
      count,
      seed: 11,
      startDay,
      timeZone: zone,
    });
    const consenting = members.filter((member) =>
      emailConsent({ member } as ConditionContext),
    ).length;
    const perDay = {
      id: 'per_day',
      max: 1,
      windowMs: millisecondsPerDay,
      categories: ['lifecycle'] as const,
      channels: ['email'] as const,
    };
    const report = await runPopulation(
      { model: programmeModel },
      program(
        [
          daily('first', 9 * 60, [send('hello')]),
          daily('second', 10 * 60, [send('later')]),
        ],
        { caps: [perDay] },
      ),
      { members: count, days: 1, seed: 11, startDay },
    );

    const [first, second] = report.journeys;
    expect(first?.entries).toBe(count);
    expect(first?.sent).toEqual({ email: consenting, sms: 0 });
    expect(first?.heldBack).toEqual({ consent: count - consenting });
    expect(first?.exits).toEqual({ completed: count });
    expect(second?.sent).toEqual({ email: 0, sms: 0 });
    expect(second?.heldBack).toEqual({
      consent: count - consenting,
      per_day: consenting,
    });
    expect(report.totals.sent.email).toBe(consenting);
    expect(report.pressure.all.histogram).toEqual([
      (count - consenting) / count,
      consenting / count,
      0,
      0,
      0,
      0,
    ]);
    expect(report.pressure.all.weeks).toBe(1);
  });

  test('issues offers and sends their reminders', async () => {
    const report = await runPopulation(
      { model: programmeModel },
      program([daily('offer', 9 * 60, [send('hello', 2, 'ten_off'), wait(5)])]),
      { members: 1_000, days: 4, seed: 5, startDay },
    );
    const journey = report.journeys[0];
    // Reminders are sends too, one at most per offer.
    const issued = journey?.offersIssued ?? 0;
    const reminders = journey?.remindersSent ?? 0;
    expect(issued + reminders).toBe(journey?.sent.email);
    expect(reminders).toBeGreaterThan(0);
    expect(reminders).toBeLessThanOrEqual(issued);
  });

  test('gives byte-identical JSON for the same seed', async () => {
    const run = async (): Promise<string> =>
      formatPopulationJson(
        await runPopulation({ model: programmeModel }, richProgram(), {
          members: 20_000,
          days: 3,
          seed: 42,
          startDay,
        }),
        { deterministic: true },
      );
    const first = await run();
    expect(await run()).toBe(first);
    expect(first).toContain('"version": 1');
    expect(first).not.toContain('timing');
  });

  test('formats tables for people and for pull requests', async () => {
    const report = await runPopulation(
      { model: programmeModel },
      richProgram(),
      {
        members: 500,
        days: 1,
        seed: 1,
        startDay,
      },
    );
    const human = formatPopulationHuman(report);
    const markdown = formatPopulationMarkdown(report);
    const json = JSON.parse(formatPopulationJson(report)) as Record<
      string,
      unknown
    >;

    expect(human).toContain('journey');
    expect(markdown).toContain('| journey | entries |');
    expect(Object.keys(json)).toEqual([
      'version',
      'seed',
      'startDate',
      'days',
      'members',
      'totals',
      'journeys',
      'pressure',
      'events',
      'daily',
      'timing',
    ]);
  });
});

describe('Random', () => {
  test('gives the same sequence for the same seed and stream', () => {
    const draw = (seed: number, stream: number): number[] => {
      const random = new Random(seed, stream);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
  });
});

function wait(days: number, next = 0): Instruction {
  return {
    op: 'wait_duration',
    step: `wait_${days}d`,
    ms: days * millisecondsPerDay,
    next,
  };
}

/** Event and schedule entries, a split, an offer, caps and quiet hours. */
function richProgram(): Program {
  const online: Condition = (c) => c.event?.['channel'] === 'online';
  const basket: Omit<ProgramJourney, 'index' | 'rank'> = {
    ...daily('basket', 0, []),
    category: 'event_driven',
    entry: { kind: 'event', event: 'basket_abandoned', when: null },
    reEntryAfterMs: 7 * millisecondsPerDay,
    goal: { event: 'purchase', withinMs: millisecondsPerDay, when: online },
    code: [
      { op: 'end' },
      {
        op: 'wait_event',
        step: 'wait',
        event: 'purchase',
        when: online,
        timeoutMs: 4 * 3_600_000,
        onEvent: 0,
        onTimeout: 2,
      },
      {
        op: 'split',
        step: 'split',
        variants: [{ id: 'reminder', upTo: 90, start: 3 }],
      },
      send('hello'),
    ],
  };
  const lapsed: Condition = (c) =>
    typeof c.member['last_purchase_at'] !== 'number' ||
    c.member['last_purchase_at'] < c.now - 365 * millisecondsPerDay;
  return program(
    [
      basket,
      daily('winback', 10 * 60, [send('hello', 2, 'ten_off'), wait(5)], lapsed),
      daily('evening', 23 * 60, [send('later')]),
    ],
    {
      caps: [
        {
          id: 'per_day',
          max: 1,
          windowMs: millisecondsPerDay,
          categories: ['lifecycle', 'event_driven'],
          channels: ['email'],
        },
      ],
      quietHours: [
        {
          id: 'night',
          channel: 'email',
          fromMinute: 22 * 60,
          toMinute: 7 * 60,
          action: 'defer',
        },
      ],
    },
  );
}
