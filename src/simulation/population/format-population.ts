import type {
  JourneyCounts,
  PopulationReport,
  PressureReport,
} from './run-population.js';
import { plural } from '../../support/plural.js';

/** The version of the JSON population report; raised on breaking changes. */
export const populationReportVersion = 1;

/** Options of formatPopulationJson. */
export interface PopulationJsonOptions {
  /** Leave out `timing`, so that two runs give the same bytes. Default false. */
  readonly deterministic?: boolean;
}

/**
 * The report as one JSON document with a fixed key order. Everything but the
 * `timing` key depends only on the workspace, the seed and the options.
 */
export function formatPopulationJson(
  report: PopulationReport,
  options: PopulationJsonOptions = {},
): string {
  const document = {
    version: populationReportVersion,
    seed: report.seed,
    startDate: report.startDate,
    days: report.days,
    members: { start: report.members.start, end: report.members.end },
    totals: countsJson(report.totals),
    journeys: report.journeys.map((journey) => ({
      id: journey.id,
      category: journey.category,
      ...countsJson(journey),
    })),
    pressure: {
      all: pressureJson(report.pressure.all),
      marketing: pressureJson(report.pressure.marketing),
    },
    events: report.events,
    daily: report.daily.map((day) => ({ ...day })),
    ...(options.deterministic === true ? {} : { timing: timingJson(report) }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function countsJson(counts: JourneyCounts): Record<string, unknown> {
  return {
    entries: counts.entries,
    sent: { email: counts.sent.email, sms: counts.sent.sms },
    heldBack: counts.heldBack,
    deferred: counts.deferred,
    offersIssued: counts.offersIssued,
    remindersSent: counts.remindersSent,
    exits: counts.exits,
  };
}

function pressureJson(pressure: PressureReport): Record<string, unknown> {
  return {
    weeks: pressure.weeks,
    daysCovered: pressure.daysCovered,
    histogram: Object.fromEntries(
      pressure.histogram.map((share, index) => [
        bucketName(index),
        round(share, 6),
      ]),
    ),
    meanPerWeek: round(pressure.meanPerWeek, 6),
    limit: pressure.limit,
    overLimit: round(pressure.overLimit, 6),
    maxPerWeek: pressure.maxPerWeek,
  };
}

function timingJson(report: PopulationReport): Record<string, unknown> {
  const { timing } = report;
  return {
    generateMilliseconds: round(timing.generateMilliseconds, 1),
    simulateMilliseconds: round(timing.simulateMilliseconds, 1),
    dayMilliseconds: timing.dayMilliseconds.map((value) => round(value, 1)),
    dayCpuMilliseconds: timing.dayCpuMilliseconds.map((value) =>
      round(value, 1),
    ),
    dayHeapBytes: timing.dayHeapBytes,
    peakHeapBytes: timing.peakHeapBytes,
    peakRssBytes: timing.peakRssBytes,
  };
}

/** The report as aligned text tables, for a terminal. */
export function formatPopulationHuman(report: PopulationReport): string {
  return sections(report)
    .map(({ title, table }) => `${title}\n\n${alignedTable(table)}\n`)
    .join('\n');
}

/** The report as Markdown tables, for a pull-request comment. */
export function formatPopulationMarkdown(report: PopulationReport): string {
  return sections(report)
    .map(({ title, table }) => `### ${title}\n\n${markdownTable(table)}\n`)
    .join('\n');
}

/** A table: a header row, then rows; `numeric` columns align right. */
interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly numeric: readonly boolean[];
}

function sections(report: PopulationReport): { title: string; table: Table }[] {
  const period = `${plural(report.days, 'day')} from ${report.startDate}`;
  const members = `${count(report.members.start)} members`;
  return [
    {
      title: `Population simulation: ${members}, ${period}, seed ${report.seed}`,
      table: journeyTable(report),
    },
    {
      title: 'Held back and deferred, per rule',
      table: ruleTable(report.totals),
    },
    {
      title: 'Exits, per reason',
      table: recordTable('reason', report.totals.exits),
    },
    { title: 'Messages per member per week', table: pressureTable(report) },
    { title: 'Time and memory', table: timingTable(report) },
  ];
}

function journeyTable(report: PopulationReport): Table {
  const row = (id: string, counts: JourneyCounts): string[] => [
    id,
    count(counts.entries),
    count(counts.sent.email),
    count(counts.sent.sms),
    count(sum(counts.heldBack)),
    count(sum(counts.deferred)),
    count(counts.offersIssued),
    count(counts.remindersSent),
    count(sum(counts.exits)),
  ];
  return {
    header: [
      'journey',
      'entries',
      'email',
      'sms',
      'held back',
      'deferred',
      'offers',
      'reminders',
      'exits',
    ],
    rows: [
      ...report.journeys.map((journey) => row(journey.id, journey)),
      row('total', report.totals),
    ],
    numeric: [false, true, true, true, true, true, true, true, true],
  };
}

function ruleTable(totals: JourneyCounts): Table {
  const rules = [
    ...new Set([
      ...Object.keys(totals.heldBack),
      ...Object.keys(totals.deferred),
    ]),
  ].sort();
  return {
    header: ['rule', 'held back', 'deferred'],
    rows: rules.map((rule) => [
      rule,
      count(totals.heldBack[rule] ?? 0),
      count(totals.deferred[rule] ?? 0),
    ]),
    numeric: [false, true, true],
  };
}

function recordTable(
  name: string,
  record: Readonly<Record<string, number>>,
): Table {
  return {
    header: [name, 'count'],
    rows: Object.entries(record).map(([key, value]) => [key, count(value)]),
    numeric: [false, true],
  };
}

function pressureTable(report: PopulationReport): Table {
  const { all, marketing } = report.pressure;
  const rows = all.histogram.map((share, index) => [
    bucketName(index),
    percent(share),
    percent(marketing.histogram[index] ?? 0),
  ]);
  return {
    header: ['messages a week', 'all messages', 'marketing only'],
    rows: [
      ...rows,
      ['mean', all.meanPerWeek.toFixed(2), marketing.meanPerWeek.toFixed(2)],
      [
        `over ${all.limit}`,
        percent(all.overLimit),
        percent(marketing.overLimit),
      ],
      ['most in a week', String(all.maxPerWeek), String(marketing.maxPerWeek)],
      [
        'weeks (days)',
        `${all.weeks} (${all.daysCovered})`,
        `${marketing.weeks} (${marketing.daysCovered})`,
      ],
    ],
    numeric: [false, true, true],
  };
}

function timingTable(report: PopulationReport): Table {
  const { timing } = report;
  const days = timing.dayMilliseconds;
  const perDay = mean(days);
  const memberDays = report.members.start * report.days;
  return {
    header: ['measure', 'value'],
    rows: [
      ['generate members', seconds(timing.generateMilliseconds)],
      ['simulate', seconds(timing.simulateMilliseconds)],
      ['per simulated day (mean)', seconds(perDay)],
      ['per simulated day (slowest)', seconds(Math.max(0, ...days))],
      [
        'processor time per day (mean)',
        seconds(mean(timing.dayCpuMilliseconds)),
      ],
      [
        'member-days per second',
        count(
          Math.round(
            memberDays / Math.max(timing.simulateMilliseconds / 1000, 1e-9),
          ),
        ),
      ],
      ['peak heap', mebibytes(timing.peakHeapBytes)],
      ['peak RSS', mebibytes(timing.peakRssBytes)],
    ],
    numeric: [false, true],
  };
}

function alignedTable(table: Table): string {
  const lines = [table.header, ...table.rows];
  const widths = table.header.map((_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (line: readonly string[]): string =>
    line
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return table.numeric[column] === true
          ? cell.padStart(width)
          : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(table.header), rule, ...table.rows.map(format)].join('\n');
}

function markdownTable(table: Table): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = table.numeric.map((numeric) => (numeric ? '---:' : '---'));
  return [line(table.header), line(rule), ...table.rows.map(line)].join('\n');
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

function bucketName(index: number): string {
  return index >= 5 ? '5+' : String(index);
}

function sum(
  values: Readonly<Record<string, number>> | readonly number[],
): number {
  return Object.values(values).reduce(
    (total, value: number) => total + value,
    0,
  );
}

/** An integer with its digits in groups of three: 2 100 000. */
function count(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function mebibytes(bytes: number): string {
  return `${count(bytes / 2 ** 20)} MiB`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
