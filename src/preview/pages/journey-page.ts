import { assertNever } from '../../support/assert-never.js';
import type { ExitRule, Journey } from '../../workspace/journey.js';
import type { GoodBuild } from '../../watch/build.js';
import { describeReEntry, formatDuration } from '../describe.js';
import { html, type SafeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { journeyDiagram } from './journey-diagram.js';
import { missingPage } from './missing-page.js';

/** One journey: what it is, its diagram, and the fixtures that run it. */
export function journeyPage(good: GoodBuild | undefined, id: string): Page {
  const journey = good?.workspace.journeys.get(id);
  if (good === undefined || journey === undefined)
    return missingPage(
      'journeys',
      `No journey "${id}" in the last good build.`,
    );
  const covered = good.coverage.journeys.get(id);
  const takenCount = [...(covered?.values() ?? [])].filter(Boolean).length;
  const fixtures = good.fixtures.filter((run) =>
    run.story.some((entry) => entry.journey === id),
  );
  return {
    title: journey.name,
    section: 'journeys',
    content: html`<h1>${journey.name}</h1>
      <p class="lead">
        <code>${journey.id}</code> · ${journey.category.replace('_', '-')}
        ${journey.description !== undefined && html` · ${journey.description}`}
      </p>
      <div class="card journey-facts">${facts(journey)}</div>
      ${journeyDiagram(journey, { offers: good.workspace.offers, covered })}
      <h2>Fixtures</h2>
      <p>
        Fixtures take ${takenCount} of ${covered?.size ?? 0} ways through this
        journey; the dashed ones no fixture takes.
      </p>
      ${
        fixtures.length === 0
          ? html`<p class="muted">No fixture enters this journey.</p>`
          : html`<ul>
              ${fixtures.map(
                (run) =>
                  html`<li>
                    <a href="/fixtures/${run.fixture.id}">${run.fixture.id}</a>
                    ${
                      run.fixture.description !== undefined &&
                      html`<span class="muted"
                        >— ${run.fixture.description}</span
                      >`
                    }
                  </li>`,
              )}
            </ul>`
      }`,
  };
}

function facts(journey: Journey): SafeHtml {
  const { goal } = journey;
  return html`<dl class="facts">
    <dt>Enters</dt>
    <dd>${describeReEntry(journey.reEntry)}</dd>
    <dt>Goal</dt>
    <dd>
      ${
        goal === undefined
          ? html`<span class="muted">none</span>`
          : html`${goal.event} within ${formatDuration(goal.withinMs)}
            ${goal.when && html` when <code>${goal.when.source.text}</code>`}`
      }
    </dd>
    <dt>Leaves early</dt>
    <dd>
      ${
        journey.exitRules.length === 0
          ? html`<span class="muted">never</span>`
          : journey.exitRules.map(
              (rule, index) => html`${index > 0 && '; '}${describeExit(rule)}`,
            )
      }
    </dd>
  </dl>`;
}

function describeExit(rule: ExitRule): SafeHtml {
  switch (rule.kind) {
    case 'event':
      return html`on ${rule.event}
      ${rule.when && html` when <code>${rule.when.source.text}</code>`}`;
    case 'condition':
      return html`when <code>${rule.when.source.text}</code>`;
    default:
      return assertNever(rule);
  }
}
