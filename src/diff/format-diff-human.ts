import type { FixtureSends } from './diff-fixture-sends.js';
import type { PopulationDiff } from './diff-population.js';
import { summariseDiff, type DiffReport } from './diff-report.js';
import {
  changeTitle,
  detailText,
  formatCount,
  formatDifference,
  formatMean,
  formatPercentChange,
  formatShare,
  formatBeforeAfter,
  formatSideValue,
  sendChangeText,
  whereText,
} from './format-figures.js';
import type { EmailRendering } from './render-emails.js';
import type { SideSource } from './open-side.js';
import { plural } from '../support/plural.js';

/** The report as text for a terminal. */
export function formatDiffHuman(report: DiffReport): string {
  const sections = [
    headerLines(report),
    changeLines(report),
    fixtureLines(report.fixtures),
    report.population === null ? [] : populationLines(report.population),
    report.emails === null ? [] : emailLines(report.emails),
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => `${lines.join('\n')}\n`)
    .join('\n');
}

function headerLines(report: DiffReport): string[] {
  const summary = summariseDiff(report);
  const total = summary.added + summary.removed + summary.changed;
  const counts =
    `${summary.changed} changed, ${summary.added} added, ` +
    `${summary.removed} removed`;
  const lines = [
    `slinga diff ${sideText(report.base)} → ${sideText(report.head)}`,
    `${plural(total, 'change')}: ${counts}`,
    `${plural(summary.fixturesWithChangedSends.length, 'fixture')} with changed sends`,
  ];
  const mean = report.population?.pressure.all.meanPerWeek;
  if (mean !== undefined) {
    const figures = formatBeforeAfter(mean, formatMean);
    const change = formatPercentChange(mean);
    lines.push(
      `contact pressure ${figures} messages per member per week (${change})`,
    );
  }
  return lines;
}

/** `origin/main (3f2a1c9)` or `.`. */
export function sideText(side: SideSource): string {
  return side.commit === null
    ? side.label
    : `${side.label} (${side.commit.slice(0, 7)})`;
}

function changeLines(report: DiffReport): string[] {
  const lines: string[] = [];
  for (const change of report.changes) {
    const where = whereText(change.location);
    const place = where === '' ? '' : `  ${where}`;
    lines.push(
      `${marker(change.change)} ${changeTitle(change)} ${change.change}${place}`,
    );
    if (change.summary !== null) lines.push(`    ${change.summary}`);
    for (const detail of change.details) {
      const at = whereText(detail.location);
      lines.push(
        `    ${marker(detail.change)} ${detailText(detail)}${at === '' ? '' : `  (${at})`}`,
      );
    }
  }
  return lines;
}

function marker(change: 'added' | 'removed' | 'changed'): string {
  return change === 'added' ? '+' : change === 'removed' ? '-' : '~';
}

function fixtureLines(fixtures: readonly FixtureSends[]): string[] {
  const lines: string[] = [];
  for (const fixture of fixtures) {
    if (
      fixture.comparison === 'only_base' ||
      fixture.comparison === 'only_head'
    ) {
      const side = fixture.comparison === 'only_base' ? 'base' : 'head';
      lines.push(
        `fixture ${fixture.id}: only on the ${side} side, not compared`,
      );
      continue;
    }
    if (fixture.changes.length === 0) continue;
    const own =
      fixture.comparison === 'own_versions'
        ? ' (each side ran its own version)'
        : '';
    lines.push(
      `fixture ${fixture.id}: ${plural(fixture.changes.length, 'send')} changed${own}`,
    );
    for (const change of fixture.changes)
      lines.push(`    ${change.kind.padEnd(17)} ${sendChangeText(change)}`);
  }
  return lines.length === 0 ? ['Fixtures: no sends changed.'] : lines;
}

function populationLines(population: PopulationDiff): string[] {
  const rows = population.journeys
    .filter(
      (journey) =>
        journey.entries.delta !== 0 ||
        journey.sent.delta !== 0 ||
        journey.heldBack.delta !== 0,
    )
    .map((journey) => [
      journey.id,
      formatSideValue(journey.entries.before, formatCount),
      formatSideValue(journey.entries.after, formatCount),
      formatSideValue(journey.sent.before, formatCount),
      formatSideValue(journey.sent.after, formatCount),
      formatPercentChange(journey.sent),
      formatSideValue(journey.heldBack.before, formatCount),
      formatSideValue(journey.heldBack.after, formatCount),
    ]);
  const { all, marketing } = population.pressure;
  const title =
    `Population: ${formatCount(population.members)} members, ` +
    `${population.days} days from ${population.startDate}, ` +
    `seed ${population.seed}`;
  const pressure = (
    name: string,
    { meanPerWeek, limit, overLimit }: typeof all,
  ) => {
    const difference = formatDifference(meanPerWeek, formatMean);
    const change = `${difference}, ${formatPercentChange(meanPerWeek)}`;
    const mean = `${formatBeforeAfter(meanPerWeek, formatMean)} a week (${change})`;
    return `${name}: ${mean}; over ${limit} a week ${formatBeforeAfter(overLimit, formatShare)}`;
  };
  return [
    title,
    pressure('  messages per member', all),
    pressure('  marketing messages per member', marketing),
    ...(rows.length === 0
      ? ['  entries and sends: no journey changed']
      : alignedTable(
          [
            'journey',
            'entries before',
            'after',
            'sent before',
            'after',
            'change',
            'held back before',
            'after',
          ],
          rows,
        ).map((line) => `  ${line}`)),
  ];
}

function emailLines(emails: EmailRendering): string[] {
  if (emails.status === 'unchanged') return [];
  const lines = [`Emails changed: ${emails.changed.join(', ')}`];
  if (emails.note !== null) lines.push(`  ${emails.note}`);
  for (const email of emails.emails) {
    const before = email.before.join(', ') || 'none';
    const after = email.after.join(', ') || 'none';
    lines.push(`  ${email.template}: before ${before}; after ${after}`);
  }
  return lines;
}

/** Columns padded to their widest cell; numbers align right. */
export function alignedTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  return all.map((row) =>
    row
      .map((cell, column) =>
        column === 0
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}
