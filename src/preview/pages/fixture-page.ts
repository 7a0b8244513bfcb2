import { allSteps } from '../../checking/journey-steps.js';
import type { TimeZone } from '../../runtime/time-zone.js';
import { formatInstant } from '../../simulation/check-expectations.js';
import { formatDate } from '../../runtime/values.js';
import { assertNever } from '../../support/assert-never.js';
import type { Step } from '../../workspace/journey.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { FixtureRun, GoodBuild, StoryEntry } from '../../watch/build.js';
import {
  describeEntryRule,
  formatDuration,
  formatMinute,
} from '../describe.js';
import { html, type SafeHtml } from '../html.js';
import type { Page } from '../layout.js';
import { missingPage } from './missing-page.js';

/** One fixture: its expectations met or not, and each member's story. */
export function fixturePage(good: GoodBuild | undefined, id: string): Page {
  const run = good?.fixtures.find((candidate) => candidate.fixture.id === id);
  if (good === undefined || run === undefined)
    return missingPage(
      'fixtures',
      `No fixture "${id}" in the last good build.`,
    );
  const { fixture } = run;
  const met = run.expectations.filter((result) => result.passed).length;
  const all = run.expectations.length;
  return {
    title: `Fixture ${fixture.id}`,
    section: 'fixtures',
    content: html`<h1>Fixture ${fixture.id}</h1>
      <p class="lead">
        ${fixture.description}
        ${fixture.description !== undefined && html`<br />`} ${fixture.days}
        days from ${formatDate(fixture.startDay)} · ${fixture.members.length}
        members · ${fixture.events.length} events
      </p>
      <h2>
        Expectations
        <span class="pill ${met === all ? 'pass' : 'fail'}"
          >${met} of ${all} met</span
        >
      </h2>
      ${expectationList(run)}
      <h2>Timeline</h2>
      ${fixture.members.map((member) =>
        memberStory(
          member.id,
          run.story.filter((entry) => entry.member === member.id),
          good,
        ),
      )}`,
  };
}

function expectationList(run: FixtureRun): SafeHtml {
  return html`<table class="expectations">
    <tbody>
      ${run.expectations.map(
        (result) =>
          html`<tr>
            <td>
              <span class="pill ${result.passed ? 'pass' : 'fail'}"
                >${result.passed ? 'met' : 'not met'}</span
              >
            </td>
            <td>
              <strong>${result.expectation.member}</strong> ${result.expected}
              ${
                !result.passed &&
                html`<div class="muted">
                  Instead:
                  ${
                    result.actual.length === 0
                      ? 'nothing happened to this member.'
                      : html`<pre class="frame">
${result.actual.join('\n')}</pre>`
                  }
                </div>`
              }
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function memberStory(
  member: string,
  story: readonly StoryEntry[],
  good: GoodBuild,
): SafeHtml {
  return html`<h3>${member}</h3>
    ${
      story.length === 0
        ? html`<p class="muted">Enters no journey.</p>`
        : html`<table class="timeline">
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th>Journey / step</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              ${story.map((entry) => storyRow(entry, good))}
            </tbody>
          </table>`
    }`;
}

function storyRow(entry: StoryEntry, good: GoodBuild): SafeHtml {
  const { workspace, timeZone } = good;
  const where = (step?: string): SafeHtml =>
    html`<a href="/journeys/${entry.journey}">${entry.journey}</a>${
        step !== undefined && html` <span class="muted mono">/ ${step}</span>`
      }`;
  switch (entry.kind) {
    case 'enter':
      return row(
        timeZone,
        entry.at,
        html`enters`,
        where(),
        html`${enterReason(workspace, entry.journey)}`,
      );
    case 'leave':
      return row(
        timeZone,
        entry.at,
        html`leaves <span class="pill">${entry.reason}</span>`,
        where(),
        html`${leaveReason(entry.reason)}`,
      );
    case 'send':
      return row(
        timeZone,
        entry.at,
        sendWhat(entry),
        where(entry.step),
        sendReason(workspace, entry),
      );
    case 'path': {
      const step = findStep(workspace, entry.journey, entry.step);
      return html`<tr class="way">
        <td class="when"></td>
        <td class="what">→ ${entry.path}</td>
        <td>${where(entry.step)}</td>
        <td>${step && pathReason(step, entry.path)}</td>
      </tr>`;
    }
    default:
      return assertNever(entry);
  }
}

function row(
  zone: TimeZone,
  at: number,
  what: SafeHtml,
  where: SafeHtml,
  why: SafeHtml,
): SafeHtml {
  return html`<tr>
    <td class="when">${formatInstant(at, zone)}</td>
    <td class="what">${what}</td>
    <td>${where}</td>
    <td>${why}</td>
  </tr>`;
}

type SendEntry = Extract<StoryEntry, { kind: 'send' }>;

function sendWhat(entry: SendEntry): SafeHtml {
  const template = html`<a href="/templates/${entry.template}"
    >${entry.template}</a
  >`;
  const offer =
    entry.offer !== null &&
    html` with offer <code>${entry.offer}</code>${
        entry.offerCode !== null &&
        html` <span class="muted">(${entry.offerCode})</span>`
      }`;
  switch (entry.outcome) {
    case 'sent':
      return html`receives ${template} by ${entry.channel}${offer}`;
    case 'deferred':
      return html`<span class="pill held">deferred</span> ${template} by
        ${entry.channel}`;
    case 'held_back':
      return html`<span class="pill held">held back</span> ${template} by
        ${entry.channel}`;
    default:
      return assertNever(entry.outcome);
  }
}

function sendReason(workspace: Workspace, entry: SendEntry): SafeHtml {
  const reasons: SafeHtml[] = [];
  if (entry.rule !== null)
    reasons.push(
      html`rule <code>${entry.rule}</code>:
        ${describeRule(workspace, entry.rule)}`,
    );
  const planned = plannedChannel(workspace, entry);
  if (planned !== undefined && planned !== entry.channel)
    reasons.push(html`fallback from ${planned} to ${entry.channel}`);
  const reminder = /^([a-z][a-z0-9_]*)\.reminder\.\d+$/.exec(entry.step);
  if (reminder !== null)
    reasons.push(
      html`reminder before offer <code>${reminder[1]}</code> expires`,
    );
  return html`${reasons.map((reason, index) => html`${index > 0 && '; '}${reason}`)}`;
}

/** What a contact rule does, in words. */
function describeRule(workspace: Workspace, rule: string): string {
  const { policy } = workspace;
  const cap = policy.caps.find((candidate) => candidate.id === rule);
  if (cap !== undefined)
    return `at most ${cap.max} in ${formatDuration(cap.windowMs)}`;
  const quiet = policy.quietHours.find((candidate) => candidate.id === rule);
  if (quiet !== undefined) {
    const hours = `${formatMinute(quiet.fromMinute)}–${formatMinute(quiet.toMinute)}`;
    return quiet.action === 'defer'
      ? `no ${quiet.channel} ${hours}: sent when they end`
      : `no ${quiet.channel} ${hours}: dropped`;
  }
  const known: Readonly<Record<string, string>> = {
    consent: 'the member has not consented to this channel',
    once_per_member: 'the offer is issued once per member',
    no_template: 'no template for this channel',
  };
  return known[rule] ?? 'a contact rule';
}

function plannedChannel(
  workspace: Workspace,
  entry: SendEntry,
): string | undefined {
  const step = findStep(workspace, entry.journey, entry.step);
  if (step?.kind === 'send') return step.channel;
  const reminder = /^([a-z][a-z0-9_]*)\.reminder\.(\d+)$/.exec(entry.step);
  if (reminder === null) return undefined;
  const offer = workspace.offers.get(reminder[1] ?? '');
  return offer?.reminders[Number(reminder[2])]?.channel;
}

function enterReason(workspace: Workspace, journey: string): string {
  const entry = workspace.journeys.get(journey)?.entry;
  return entry === undefined ? '' : describeEntryRule(entry);
}

function leaveReason(reason: string): string {
  const known: Readonly<Record<string, string>> = {
    goal: 'reached the goal',
    exit: 'an exit rule held',
    completed: 'no steps left',
    held_back: 'a send that carried an offer was held back',
    holdout: 'in the holdout of a split',
  };
  return known[reason] ?? 'an exit step';
}

function pathReason(step: Step, path: string): SafeHtml | undefined {
  switch (step.kind) {
    case 'branch':
      return html`<code>${step.when.source.text}</code> is
        ${path === 'then' ? 'true' : 'false'}`;
    case 'split': {
      const variant = step.variants.find((candidate) => candidate.id === path);
      const share = variant?.share ?? step.holdout;
      return html`split by member: ${share} % go this way`;
    }
    case 'wait_event':
      return path === 'event'
        ? html`${step.event} happened`
        : html`no ${step.event} within ${formatDuration(step.timeoutMs)}`;
    case 'send':
    case 'wait_duration':
    case 'wait_until':
    case 'update':
    case 'exit':
      return undefined;
    default:
      return assertNever(step);
  }
}

function findStep(
  workspace: Workspace,
  journey: string,
  id: string,
): Step | undefined {
  const steps = workspace.journeys.get(journey)?.steps ?? [];
  for (const step of allSteps(steps)) if (step.id === id) return step;
  return undefined;
}
