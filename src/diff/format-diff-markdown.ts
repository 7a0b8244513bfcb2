import type { FixtureSends } from './diff-fixture-sends.js';
import type {
  JourneyDelta,
  PopulationDiff,
  PressureDelta,
} from './diff-population.js';
import { summariseDiff, type DiffReport } from './diff-report.js';
import {
  detailText,
  formatCount,
  formatDifference,
  formatMean,
  formatPercentChange,
  formatPoints,
  formatShare,
  formatBeforeAfter,
  formatSideValue,
  sendChangeText,
  whereText,
} from './format-figures.js';
import { sideText } from './format-diff-human.js';
import type { EmailRendering } from './render-emails.js';
import {
  changeAreas,
  type ChangeArea,
  type SemanticChange,
} from './semantic-change.js';
import { plural } from '../support/plural.js';

const areaTitles: Readonly<Record<ChangeArea, string>> = {
  model: 'Model',
  parameter: 'Parameters',
  segment: 'Segments',
  offer: 'Offers',
  policy: 'Contact policy',
  journey: 'Journeys',
  template: 'Templates',
  fixture: 'Fixtures',
};

/**
 * The report for a pull-request comment: a short summary first, the
 * details folded in `<details>` blocks.
 */
export function formatDiffMarkdown(report: DiffReport): string {
  const blocks = [
    summaryBlock(report),
    changesBlock(report.changes),
    fixturesBlock(report.fixtures),
    report.population === null ? '' : populationBlock(report.population),
    report.emails === null ? '' : emailsBlock(report.emails),
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function summaryBlock(report: DiffReport): string {
  const summary = summariseDiff(report);
  const total = summary.added + summary.removed + summary.changed;
  const fixtures = summary.fixturesWithChangedSends.length;
  const counts =
    `${summary.changed} changed, ${summary.added} added, ` +
    `${summary.removed} removed`;
  const fixtureList =
    fixtures === 0
      ? ''
      : `: ${summary.fixturesWithChangedSends.map(code).join(', ')}`;
  const lines = [
    `### Slinga diff: \`${sideText(report.base)}\` → \`${sideText(report.head)}\``,
    '',
    `- **${plural(total, 'change')}**: ${counts}`,
    `- **${plural(fixtures, 'fixture')} with changed sends**${fixtureList}`,
  ];
  const population = report.population;
  if (population !== null) {
    const mean = population.pressure.all.meanPerWeek;
    const figures = formatBeforeAfter(mean, formatMean);
    const change = formatPercentChange(mean);
    lines.push(
      `- **contact pressure** ${figures} messages per member per week (${change})`,
      '',
      pressureTable(population),
    );
  }
  return lines.join('\n');
}

function pressureTable(population: PopulationDiff): string {
  const { all, marketing } = population.pressure;
  const row = (
    name: string,
    delta: PressureDelta['meanPerWeek'],
    format: (value: number) => string,
    difference: (value: number) => string = format,
  ) => [
    name,
    formatSideValue(delta.before, format),
    formatSideValue(delta.after, format),
    formatDifference(delta, difference),
    formatPercentChange(delta),
  ];
  return table(
    ['per member per week', 'before', 'after', 'change', '%'],
    [
      row('messages', all.meanPerWeek, formatMean),
      row('marketing messages', marketing.meanPerWeek, formatMean),
      row(
        `share over ${all.limit} messages`,
        all.overLimit,
        formatShare,
        formatPoints,
      ),
      row(
        `share over ${marketing.limit} marketing messages`,
        marketing.overLimit,
        formatShare,
        formatPoints,
      ),
    ],
  );
}

function changesBlock(changes: readonly SemanticChange[]): string {
  if (changes.length === 0) return '';
  const sections = changeAreas.flatMap((area) => {
    const mine = changes.filter((change) => change.area === area);
    if (mine.length === 0) return [];
    return [`#### ${areaTitles[area]}\n\n${mine.map(changeItem).join('\n')}`];
  });
  return folded(`Changes (${changes.length})`, sections.join('\n\n'));
}

function changeItem(change: SemanticChange): string {
  const where = whereText(change.location);
  const place = where === '' ? '' : ` — \`${where}\``;
  const summary = change.summary === null ? '' : `: ${escape(change.summary)}`;
  const lines = [
    `- **${escape(change.id)}** ${change.change}${place}${summary}`,
  ];
  for (const detail of change.details) {
    const at = whereText(detail.location);
    lines.push(
      `  - ${escape(detailText(detail))}${at === '' ? '' : ` — \`${at}\``}`,
    );
  }
  return lines.join('\n');
}

function fixturesBlock(fixtures: readonly FixtureSends[]): string {
  const lines: string[] = [];
  for (const fixture of fixtures) {
    if (
      fixture.comparison === 'only_base' ||
      fixture.comparison === 'only_head'
    ) {
      const side = fixture.comparison === 'only_base' ? 'base' : 'head';
      lines.push(
        `- ${code(fixture.id)}: fixture only on the ${side} side, not compared`,
      );
    } else if (fixture.changes.length > 0) {
      const own =
        fixture.comparison === 'own_versions'
          ? ' (each side ran its own version)'
          : '';
      lines.push(`- ${code(fixture.id)}${own}:`);
      for (const change of fixture.changes)
        lines.push(
          `  - ${change.kind.replace(/_/g, ' ')}: ${escape(sendChangeText(change))}`,
        );
    }
  }
  if (lines.length === 0) return '';
  const changed = fixtures.filter(
    (fixture) => fixture.changes.length > 0,
  ).length;
  return folded(`Fixtures: ${changed} with changed sends`, lines.join('\n'));
}

function populationBlock(population: PopulationDiff): string {
  const changed = population.journeys.filter(hasChanged);
  const title =
    `Population: ${formatCount(population.members)} members, ` +
    `${population.days} days from ${population.startDate}, ` +
    `seed ${population.seed}`;
  const body =
    changed.length === 0
      ? 'No journey’s entries or sends changed.'
      : table(
          ['journey', 'entries', 'sent', 'sent %', 'held back'],
          [...changed, { id: 'total', ...population.totals }].map((journey) => [
            journey.id === 'total' ? '**total**' : code(journey.id),
            beforeAfter(journey.entries),
            beforeAfter(journey.sent),
            formatPercentChange(journey.sent),
            beforeAfter(journey.heldBack),
          ]),
        );
  return folded(title, body);
}

function hasChanged(journey: JourneyDelta): boolean {
  return [journey.entries, journey.sent, journey.heldBack].some(
    (delta) => delta.delta !== 0,
  );
}

function beforeAfter(delta: JourneyDelta['sent']): string {
  const before = formatSideValue(delta.before, formatCount);
  const after = formatSideValue(delta.after, formatCount);
  return before === after ? before : `${before} → ${after}`;
}

function emailsBlock(emails: EmailRendering): string {
  if (emails.status === 'unchanged') return '';
  const lines = emails.changed.map((id) => {
    const email = emails.emails.find((candidate) => candidate.template === id);
    if (email === undefined) return `- ${code(id)}`;
    const files = (list: readonly string[]) =>
      list.map(code).join(', ') || 'none';
    return `- ${code(id)}: before ${files(email.before)}; after ${files(email.after)}`;
  });
  if (emails.note !== null) lines.push('', `_${escape(emails.note)}_`);
  return folded(`Emails changed (${emails.changed.length})`, lines.join('\n'));
}

function folded(summary: string, body: string): string {
  return `<details><summary>${escape(summary)}</summary>\n\n${body}\n\n</details>`;
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  const rule = header.map((_, index) => (index === 0 ? '---' : '---:'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

function code(text: string): string {
  return `\`${text}\``;
}

/** Text safe in Markdown and inline HTML: no tags, no emphasis by accident. */
function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*[\]|])/g, '\\$1');
}
