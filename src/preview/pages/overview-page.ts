import { allSteps } from '../../checking/journey-steps.js';
import type { Journey } from '../../workspace/journey.js';
import type { FixtureRun, GoodBuild } from '../../watch/build.js';
import { describeEntryRule, formatShare } from '../describe.js';
import { html, type SafeHtml } from '../html.js';
import type { Page } from '../layout.js';
import type { PreviewState } from '../preview-state.js';

/** The first page: every journey and fixture, and the pressure in brief. */
export function overviewPage(state: PreviewState): Page {
  const { build } = state;
  const good = build.good;
  if (good === undefined)
    return {
      title: 'Overview',
      section: 'overview',
      content: html`<h1>Overview</h1>
        <p>The workspace has not built without errors yet.</p>`,
    };
  const { workspace } = good;
  return {
    title: 'Overview',
    section: 'overview',
    content: html`<h1>Overview</h1>
      <p class="lead">
        ${workspace.journeys.size} journeys · ${workspace.templates.size}
        templates · ${workspace.fixtures.size} fixtures · build
        #${build.version} in ${Math.round(build.milliseconds)} ms
        ${build.templatesOnly && '(templates only)'}
      </p>
      <h2>Journeys</h2>
      ${journeyTable(good)}
      <h2>Fixtures</h2>
      ${fixtureTable(good.fixtures)}
      <h2>Contact pressure</h2>
      ${pressureLine(state)}`,
  };
}

function journeyTable(good: GoodBuild): SafeHtml {
  const journeys = [...good.workspace.journeys.values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  );
  return html`<table>
    <thead>
      <tr>
        <th>Journey</th>
        <th>Category</th>
        <th>Enters</th>
        <th>Messages</th>
        <th class="number">Ways taken by fixtures</th>
      </tr>
    </thead>
    <tbody>
      ${journeys.map((journey) => {
        const covered = [
          ...(good.coverage.journeys.get(journey.id)?.values() ?? []),
        ];
        return html`<tr>
          <td>
            <a href="/journeys/${journey.id}">${journey.name}</a>
            <div class="muted mono">${journey.id}</div>
          </td>
          <td>${journey.category}</td>
          <td>${describeEntryRule(journey.entry)}</td>
          <td>${templateLinks(journey)}</td>
          <td class="number">
            ${covered.filter(Boolean).length} / ${covered.length}
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function templateLinks(journey: Journey): SafeHtml {
  const ids = new Set<string>();
  for (const step of allSteps(journey.steps))
    if (step.kind === 'send') ids.add(step.template);
  return html`${[...ids].map(
    (id, index) =>
      html`${index > 0 && ', '}<a href="/templates/${id}">${id}</a>`,
  )}`;
}

function fixtureTable(runs: readonly FixtureRun[]): SafeHtml {
  if (runs.length === 0) return html`<p class="muted">No fixtures.</p>`;
  return html`<table>
    <thead>
      <tr>
        <th>Fixture</th>
        <th>Description</th>
        <th>Expectations</th>
      </tr>
    </thead>
    <tbody>
      ${runs.map((run) => {
        const met = run.expectations.filter((result) => result.passed).length;
        const all = run.expectations.length;
        return html`<tr>
          <td><a href="/fixtures/${run.fixture.id}">${run.fixture.id}</a></td>
          <td>${firstSentence(run.fixture.description ?? '')}</td>
          <td>
            <span class="pill ${met === all ? 'pass' : 'fail'}"
              >${met} of ${all} met</span
            >
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function pressureLine(state: PreviewState): SafeHtml {
  const run = state.population.last;
  if (run === undefined)
    return html`<p>
      <a href="/pressure">No population run yet</a>
      <span class="muted">(${state.population.status})</span>.
    </p>`;
  const { all } = run.summary.pressure;
  return html`<p>
    ${formatShare(all.overLimit)} of member-weeks get more than ${all.limit}
    messages; ${all.meanPerWeek.toFixed(2)} a week on average.
    <a href="/pressure">The chart.</a>
  </p>`;
}

/** The first sentence of a text, at most about a line long. */
function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  const sentence = end < 0 ? text : text.slice(0, end + 1);
  return sentence.length <= 140 ? sentence : `${sentence.slice(0, 139)}…`;
}
