import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkWorkspace } from '../src/checking/check-workspace.js';
import type { Type } from '../src/language/types.js';
import { millisecondsPerDay } from '../src/runtime/calendar.js';
import type { ConditionContext } from '../src/runtime/condition-context.js';
import { conditionRuntime } from '../src/runtime/condition-runtime.js';
import type {
  Instruction,
  Program,
  ProgramJourney,
  ProgramOffer,
} from '../src/runtime/program.js';
import { TimeZone } from '../src/runtime/time-zone.js';
import { parseDate } from '../src/runtime/values.js';
import { buildProgram } from '../src/simulation/build-program.js';
import {
  runPopulation,
  type PopulationReport,
} from '../src/simulation/population/run-population.js';
import type {
  EventType,
  Field,
  MemberModel,
  Workspace,
} from '../src/workspace/workspace.js';

/** Overridable for quick runs: BENCH_MEMBERS=300000 BENCH_DAYS=1. */
const members = Number(process.env['BENCH_MEMBERS'] ?? 2_100_000);
/** Which runs to make: `1`, `30` or `1,30` (the default). */
const runs = (process.env['BENCH_DAYS'] ?? '1,30')
  .split(',')
  .map((each) => Number(each.trim()));
const startDay = parseDate('2025-05-01') ?? 0;
const goals = {
  oneDaySeconds: 3,
  thirtyDaysSeconds: 90,
  peakBytes: 3 * 2 ** 30,
};

/**
 * Simulates the whole programme's base (2.1 M members) for 1 day and for 30
 * days on the bundled workspace, and reports speed and memory against the
 * goals: one day under 3 s, 30 days under 90 s, peak memory under 3 GiB
 * and flat as the days grow.
 */
export async function benchPopulation(): Promise<string> {
  const source = await loadSource();
  const gc = exposeGc();
  const lines = [`workspace: ${source.description}`, machine()];

  let peak = 0;
  if (runs.includes(1)) {
    gc?.();
    const oneDay = simulate(source, 1);
    lines.push(...summary('1 day', oneDay));
    const oneDaySeconds = oneDay.timing.simulateMilliseconds / 1000;
    peak = Math.max(peak, oneDay.timing.peakRssBytes);
    lines.push(
      `goal: 1 day < ${goals.oneDaySeconds} s: ${verdict(oneDaySeconds < goals.oneDaySeconds)} (${oneDaySeconds.toFixed(2)} s)`,
    );
  }
  if (runs.includes(30)) {
    gc?.();
    const heaps: number[] = [];
    const month = simulate(source, 30, (day) => {
      if (gc !== undefined && day % 7 === 0) {
        gc();
        heaps.push(process.memoryUsage().heapUsed);
      }
    });
    lines.push(...summary('30 days', month));
    const monthSeconds = month.timing.simulateMilliseconds / 1000;
    peak = Math.max(peak, month.timing.peakRssBytes);
    lines.push(
      `heap after a full GC at days 7, 14, 21, 28: ${heaps.map(mebibytes).join(', ') || 'n/a (gc not available)'}`,
      `goal: 30 days < ${goals.thirtyDaysSeconds} s: ${verdict(monthSeconds < goals.thirtyDaysSeconds)} (${monthSeconds.toFixed(1)} s)`,
      `goal: flat memory: ${flatness(heaps)}`,
    );
  }
  lines.push(
    `goal: peak RSS < 3 GiB: ${verdict(peak < goals.peakBytes)} (${mebibytes(peak)})`,
    machine(),
  );
  return lines.join('\n');
}

/** Cores and load: wall times on a shared machine mean little without them. */
function machine(): string {
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  return `machine: ${availableParallelism()} cores, load average ${load}, Node ${process.version}`;
}

interface Source {
  readonly workspace: Pick<Workspace, 'model'>;
  readonly program: Program;
  readonly description: string;
}

function simulate(
  source: Source,
  days: number,
  onProgress?: (day: number) => void,
): PopulationReport {
  return runPopulation(source.workspace, source.program, {
    members,
    days,
    seed: 2021,
    startDay,
    ...(onProgress === undefined ? {} : { onProgress }),
  });
}

function summary(label: string, report: PopulationReport): string[] {
  const { timing } = report;
  const days = timing.dayMilliseconds;
  const simulateSeconds = timing.simulateMilliseconds / 1000;
  const sent = report.totals.sent.email + report.totals.sent.sms;
  return [
    `${label}: generated ${count(report.members.start)} members in ${(timing.generateMilliseconds / 1000).toFixed(1)} s ` +
      `(${count((report.members.start / timing.generateMilliseconds) * 1000)} members/s)`,
    `${label}: simulated in ${simulateSeconds.toFixed(2)} s: ${(simulateSeconds / report.days).toFixed(2)} s per day ` +
      `(slowest ${(Math.max(...days) / 1000).toFixed(2)} s), ` +
      `${count((report.members.start * report.days) / simulateSeconds)} member-days/s; ` +
      `processor time ${(mean(timing.dayCpuMilliseconds) / 1000).toFixed(2)} s per day`,
    `${label}: ${count(report.totals.entries)} entries, ${count(sent)} messages sent, ` +
      `${count(Object.values(report.events).reduce((total, value) => total + value, 0))} events`,
    `${label}: peak heap ${mebibytes(timing.peakHeapBytes)}, peak RSS ${mebibytes(timing.peakRssBytes)}`,
  ];
}

/** Heap after GC should not climb week on week by more than a tenth. */
function flatness(heaps: readonly number[]): string {
  if (heaps.length < 2) return 'not measured';
  const first = heaps[0] ?? 0;
  const last = heaps[heaps.length - 1] ?? 0;
  const growth = (last - first) / first;
  return `${verdict(growth < 0.1)} (${(growth * 100).toFixed(1)} % from day 7 to day 28)`;
}

/**
 * The bundled workspace, checked and built; while it does not check, a
 * small Program built here in code over a Model of the programme's core.
 */
async function loadSource(): Promise<Source> {
  try {
    const result = await checkWorkspace('.');
    if (result.workspace !== undefined) {
      const program = buildProgram(result.workspace);
      return {
        workspace: result.workspace,
        program,
        description: `bundled (${program.journeys.length} journeys)`,
      };
    }
    const errors = result.diagnostics.filter(
      (diagnostic) => diagnostic.severity === 'error',
    ).length;
    return fallbackSource(`the bundled workspace has ${errors} errors`);
  } catch (error) {
    return fallbackSource(
      `checking the bundled workspace failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function fallbackSource(reason: string): Source {
  return {
    workspace: { model: fallbackModel() },
    program: fallbackProgram(),
    description: `FALLBACK: a small Program built in code (${reason})`,
  };
}

/**
 * V8 exposes `gc` only behind a flag; setting it at run time and reading it
 * from a fresh context is the documented way to get it without restarting.
 */
function exposeGc(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext(
    'typeof gc === "function" ? gc : undefined',
  );
  return typeof gc === 'function' ? (gc as () => void) : undefined;
}

// --- The fallback: a Model and Program of the programme's core, in code ----

const span = {
  file: 'bench/population.ts',
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};
const scalar = (
  kind: 'string' | 'integer' | 'money' | 'boolean' | 'date' | 'datetime',
): Type => ({ kind });
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

function fallbackModel(): MemberModel {
  const area = choice('fashion', 'home', 'beauty');
  const channel = choice('store', 'online');
  const level = choice('member', 'plus1500', 'plus10000');
  const attributes = fields({
    id: scalar('string'),
    email: optional(scalar('string')),
    phone: optional(scalar('string')),
    email_quarantined: scalar('boolean'),
    joined_at: scalar('datetime'),
    birth_date: optional(scalar('date')),
    gender: choice('female', 'male', 'other', 'unknown'),
    level,
    consent: object({ email: scalar('boolean'), sms: scalar('boolean') }),
    store: scalar('string'),
    purchases: {
      kind: 'list',
      item: object({
        at: scalar('datetime'),
        amount: scalar('money'),
        area,
        channel,
      }),
    },
    last_purchase_at: optional(scalar('datetime')),
    spend_12m: scalar('money'),
    received_welcome_offer: scalar('boolean'),
  });
  const events = new Map<string, EventType>(
    Object.entries({
      purchase: {
        amount: scalar('money'),
        area,
        channel,
        store: optional(scalar('string')),
      },
      order_placed: { order_id: scalar('string'), amount: scalar('money') },
      basket_abandoned: { basket_id: scalar('string'), value: scalar('money') },
      level_changed: {
        from: level,
        to: level,
        direction: choice('up', 'down'),
        reason: choice('purchase', 'return', 'yearly_review'),
      },
      member_joined: { channel, store: optional(scalar('string')) },
    }).map(([name, payload]) => [
      name,
      {
        name,
        description: undefined,
        type: object(payload),
        fields: fields(payload),
        effects: [],
        span,
      },
    ]),
  );
  return {
    id: 'fallback',
    member: object(
      Object.fromEntries(
        [...attributes].map(([name, field]) => [name, field.type]),
      ),
    ),
    attributes,
    events,
    span,
  };
}

type Condition = (context: ConditionContext) => unknown;
const member = (context: ConditionContext): Record<string, unknown> =>
  context.member;
const daysSince = (context: ConditionContext, at: unknown): number =>
  typeof at === 'number'
    ? context.today - context.timeZone.localDay(at)
    : Number.NaN;

function fallbackProgram(): Program {
  const birthday: Condition = (c) =>
    typeof member(c)['birth_date'] === 'number' &&
    conditionRuntime.isBirthday(c.today, member(c)['birth_date'] as number);
  const lapsed: Condition = (c) =>
    daysSince(c, member(c)['last_purchase_at']) > 367;
  const recentJoin: Condition = (c) =>
    daysSince(c, member(c)['joined_at']) <= 7 &&
    member(c)['email'] !== null &&
    member(c)['received_welcome_offer'] !== true;
  const online: Condition = (c) => c.event?.['channel'] === 'online';
  const up: Condition = (c) => c.event?.['direction'] === 'up';
  // Code index 0 is the end; each journey starts at 1.
  const journeys: ProgramJourney[] = [
    scheduled('birthday', 'event_driven', 8 * 60, birthday, 300, [
      send('birthday', 'birthday_20', 2),
      wait(1, 0),
    ]),
    journey(
      'abandoned_basket',
      'event_driven',
      { kind: 'event', event: 'basket_abandoned', when: null },
      7,
      [
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
        send('abandoned_basket', null, 0),
      ],
    ),
    scheduled('welcome_offer', 'lifecycle', 9 * 60 + 30, recentJoin, -1, [
      send('welcome_offer', 'welcome_offer', 2),
      wait(14, 0),
    ]),
    scheduled('winback', 'lifecycle', 10 * 60, lapsed, 180, [
      {
        op: 'split',
        step: 'split',
        variants: [{ id: 'offer', upTo: 90, start: 2 }],
      },
      send('winback', 'winback_25', 3),
      wait(30, 0),
    ]),
    journey(
      'new_member_level',
      'event_driven',
      { kind: 'event', event: 'level_changed', when: up },
      0,
      [send('new_member_level', null, 0)],
    ),
    journey(
      'order_confirmation',
      'transactional',
      { kind: 'event', event: 'order_placed', when: null },
      0,
      [send('order_confirmation', null, 0)],
    ),
  ].map((each, index) => ({ ...each, index, rank: index }));
  return {
    timeZone: new TimeZone('Europe/Stockholm'),
    journeys,
    offers: new Map([
      ['birthday_20', offer('birthday_20', 1, ['online'], [])],
      ['welcome_offer', offer('welcome_offer', 14, ['store', 'online'], [])],
      [
        'winback_25',
        offer(
          'winback_25',
          30,
          ['store'],
          [
            {
              beforeExpiryMs: 7 * millisecondsPerDay,
              template: 'winback_reminder',
              channel: 'email',
            },
          ],
        ),
      ],
    ]),
    policy: fallbackPolicy(),
    params: {},
    segments: {},
    templates: new Set(
      journeys
        .flatMap((each) => [`email:${each.id}`, `sms:${each.id}`])
        .concat(['email:winback_reminder', 'sms:winback_reminder']),
    ),
    purchaseEvent: 'purchase',
    eventEffects: new Map(),
  };
}

function fallbackPolicy(): Program['policy'] {
  const consent =
    (channel: string, contact: string): Condition =>
    (c) =>
      (member(c)['consent'] as Record<string, unknown> | undefined)?.[
        channel
      ] === true && member(c)[contact] !== null;
  const marketing = ['lifecycle', 'event_driven'] as const;
  return {
    consent: { email: consent('email', 'email'), sms: consent('sms', 'phone') },
    caps: [
      {
        id: 'marketing_per_day',
        max: 1,
        windowMs: millisecondsPerDay,
        categories: marketing,
        channels: ['email', 'sms'],
      },
      {
        id: 'marketing_per_week',
        max: 3,
        windowMs: 7 * millisecondsPerDay,
        categories: marketing,
        channels: ['email', 'sms'],
      },
    ],
    quietHours: [
      {
        id: 'quiet_hours_sms',
        channel: 'sms',
        fromMinute: 20 * 60,
        toMinute: 9 * 60,
        action: 'defer',
      },
      {
        id: 'quiet_hours_email',
        channel: 'email',
        fromMinute: 22 * 60,
        toMinute: 7 * 60,
        action: 'defer',
      },
    ],
    fallbacks: [
      {
        from: 'email',
        to: 'sms',
        when: (c) => member(c)['email_quarantined'] === true,
      },
    ],
    transactionalExempt: true,
  };
}

type JourneyParts = Omit<ProgramJourney, 'index' | 'rank'>;

/** A journey whose code is the end (index 0) followed by `steps` (from index 1). */
function journey(
  id: string,
  category: ProgramJourney['category'],
  entry: ProgramJourney['entry'],
  reEntryDays: number,
  steps: readonly Instruction[],
): JourneyParts {
  const reEntryAfterMs =
    reEntryDays <= 0 ? reEntryDays : reEntryDays * millisecondsPerDay;
  return {
    id,
    category,
    entry,
    reEntryAfterMs,
    exitEvents: [],
    exitConditions: [],
    goal: null,
    code: [{ op: 'end' }, ...steps],
    start: 1,
  };
}

function scheduled(
  id: string,
  category: ProgramJourney['category'],
  atMinute: number,
  audience: Condition,
  reEntryDays: number,
  steps: readonly Instruction[],
): JourneyParts {
  const entry = {
    kind: 'schedule',
    every: 'day',
    atMinute,
    weekday: 0,
    dayOfMonth: 1,
    audience,
  } as const;
  return journey(id, category, entry, reEntryDays, steps);
}

function send(
  template: string,
  offer: string | null,
  next: number,
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

function wait(days: number, next: number): Instruction {
  return {
    op: 'wait_duration',
    step: `wait_${days}d`,
    ms: days * millisecondsPerDay,
    next,
  };
}

function offer(
  id: string,
  validityDays: number,
  channels: string[],
  reminders: ProgramOffer['reminders'],
): ProgramOffer {
  return {
    id,
    percent: 20,
    amount: 0,
    minimumPurchase: 0,
    channels,
    areas: [],
    validityMs: validityDays * millisecondsPerDay,
    oncePerMember: false,
    reminders,
  };
}

function mean(values: readonly number[]): number {
  return (
    values.reduce((total, value) => total + value, 0) /
    Math.max(values.length, 1)
  );
}

function count(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function mebibytes(bytes: number): string {
  return `${count(bytes / 2 ** 20)} MiB`;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT MET';
}

if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/.*\//, '/'))
) {
  console.log(await benchPopulation());
}
