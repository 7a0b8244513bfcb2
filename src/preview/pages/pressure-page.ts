import { assertNever } from '../../support/assert-never.js';
import type { PopulationState } from '../../watch/population-runner.js';
import type { PressureSummary } from '../../watch/population-summary.js';
import { formatCount, formatShare } from '../describe.js';
import { html, type SafeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { pressureChart } from './pressure-chart.js';

/** The contact pressure of the last population run, as a chart and tables. */
export function pressurePage(population: PopulationState): Page {
  const run = population.last;
  const { settings } = population;
  return {
    title: 'Contact pressure',
    section: 'pressure',
    content: html`<h1>Contact pressure</h1>
      <p class="lead">
        A population run of ${formatCount(settings.members)} generated members
        over ${settings.days} days from ${settings.start} (seed
        ${settings.seed}), in the background after every build without errors
        that changed the journeys.
      </p>
      ${stateBanner(population)}
      ${
        run !== undefined &&
        html`<div class="card">${pressureChart(run.summary)}</div>
          <div class="grid">
            <div class="card">
              <h3>All messages</h3>
              ${pressureFacts(run.summary.pressure.all)}
            </div>
            <div class="card">
              <h3>Marketing only</h3>
              ${pressureFacts(run.summary.pressure.marketing)}
            </div>
          </div>
          <h2>Per journey</h2>
          <table>
            <thead>
              <tr>
                <th>Journey</th>
                <th class="number">Entries</th>
                <th class="number">Sent</th>
                <th class="number">Held back</th>
                <th class="number">Deferred</th>
              </tr>
            </thead>
            <tbody>
              ${run.summary.journeys.map(
                (journey) =>
                  html`<tr>
                    <td><a href="/journeys/${journey.id}">${journey.id}</a></td>
                    <td class="number">${formatCount(journey.entries)}</td>
                    <td class="number">${formatCount(journey.sent)}</td>
                    <td class="number">${formatCount(journey.heldBack)}</td>
                    <td class="number">${formatCount(journey.deferred)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
      }`,
  };
}

function stateBanner(population: PopulationState): SafeHtml {
  const run = population.last;
  const age =
    run === undefined ? '' : ` Shown: the run after build #${run.version}.`;
  switch (population.status) {
    case 'off':
      return html`<div class="banner">
        <p>Population runs are turned off.</p>
      </div>`;
    case 'waiting':
      return html`<div class="banner">
        <p>Waiting for a build without errors.</p>
      </div>`;
    case 'running':
      return html`<div class="banner warn">
        <p>A population run is under way.${age}</p>
      </div>`;
    case 'failed':
      return html`<div class="banner bad">
        <p>The population run failed: ${population.error}.${age}</p>
      </div>`;
    case 'done':
      return html`<div class="banner good">
        <p>
          Run after build #${run?.version} in
          ${((run?.milliseconds ?? 0) / 1000).toFixed(1)} s.
        </p>
      </div>`;
    default:
      return assertNever(population.status);
  }
}

function pressureFacts(pressure: PressureSummary): SafeHtml {
  return html`<dl class="facts">
    ${pressure.histogram.map(
      (bar) =>
        html`<dt>${bar.bucket} a week</dt>
          <dd>${formatShare(bar.share)}</dd>`,
    )}
    <dt>Mean a week</dt>
    <dd>${pressure.meanPerWeek.toFixed(2)}</dd>
    <dt>Over ${pressure.limit} a week</dt>
    <dd>${formatShare(pressure.overLimit)}</dd>
    <dt>Most in a week</dt>
    <dd>${pressure.maxPerWeek}</dd>
    <dt>Weeks averaged</dt>
    <dd>${pressure.weeks} (${pressure.daysCovered} days)</dd>
  </dl>`;
}
