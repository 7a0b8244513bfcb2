import type { SendRecord } from '../runtime/engine-types.js';
import { assertNever } from '../support/assert-never.js';
import { allSteps, alwaysExits } from '../checking/journey-steps.js';
import type { Journey, Step } from '../workspace/journey.js';
import type { Workspace } from '../workspace/workspace.js';

/** What the fixtures exercised, against everything there is to exercise. */
export interface Coverage {
  /** Per journey id: each path item and whether a fixture took it. */
  readonly journeys: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
  /** Each contact rule and whether a fixture saw it decide a send. */
  readonly rules: ReadonlyMap<string, boolean>;
}

/**
 * Records the paths members take and the rules that decide their sends, as
 * an engine listener; `coverage()` sets them against the workspace.
 */
export class CoverageRecorder {
  private readonly seen = new Set<string>();

  constructor(private readonly workspace: Workspace) {}

  onEnter(_member: string, journey: string): void {
    this.seen.add(`${journey}\u0000entry`);
  }

  onLeave(_member: string, journey: string, _at: number, reason: string): void {
    this.seen.add(`${journey}\u0000leaves: ${reason}`);
  }

  onPath(_member: string, journey: string, step: string, path: string): void {
    this.seen.add(`${journey}\u0000${step}: ${path}`);
  }

  onSend(record: SendRecord): void {
    this.seen.add(`${record.journey}\u0000${record.step}: ${record.outcome}`);
    if (record.rule !== null) this.seen.add(`rule\u0000${record.rule}`);
    const planned = this.plannedChannel(record);
    if (planned !== undefined && planned !== record.channel) {
      this.seen.add(`rule\u0000fallback ${planned} to ${record.channel}`);
    }
    if (record.outcome === 'sent' && record.category === 'transactional') {
      this.seen.add('rule\u0000transactional exempt');
    }
  }

  /** Sets what was seen against every target of the workspace. */
  coverage(): Coverage {
    const journeys = new Map<string, Map<string, boolean>>();
    for (const journey of this.workspace.journeys.values()) {
      const items = new Map<string, boolean>();
      for (const item of journeyTargets(journey)) {
        items.set(item, this.seen.has(`${journey.id}\u0000${item}`));
      }
      journeys.set(journey.id, items);
    }
    const rules = new Map<string, boolean>();
    for (const rule of ruleTargets(this.workspace)) {
      rules.set(rule, this.seen.has(`rule\u0000${rule}`));
    }
    return { journeys, rules };
  }

  private plannedChannel(record: SendRecord): string | undefined {
    const journey = this.workspace.journeys.get(record.journey);
    if (journey === undefined) return undefined;
    for (const step of allSteps(journey.steps)) {
      if (step.kind === 'send' && step.id === record.step) return step.channel;
    }
    for (const offer of this.workspace.offers.values()) {
      const index = offer.reminders.findIndex(
        (_reminder, position) =>
          record.step === `${offer.id}.reminder.${position}`,
      );
      if (index >= 0) return offer.reminders[index]?.channel;
    }
    return undefined;
  }
}

/** Every path item of a journey that fixtures can take. */
export function journeyTargets(journey: Journey): string[] {
  const targets = ['entry'];
  for (const step of allSteps(journey.steps))
    targets.push(...stepTargets(step));
  if (journey.goal !== undefined) targets.push('leaves: goal');
  if (journey.exitRules.length > 0) targets.push('leaves: exit');
  if (!alwaysExits(journey.steps)) targets.push('leaves: completed');
  return targets;
}

function stepTargets(step: Step): string[] {
  switch (step.kind) {
    case 'send':
      return [`${step.id}: sent`];
    case 'branch':
      return [`${step.id}: then`, `${step.id}: else`];
    case 'split':
      return [
        ...step.variants.map((variant) => `${step.id}: ${variant.id}`),
        ...(step.holdout > 0 ? [`${step.id}: holdout`] : []),
      ];
    case 'wait_event':
      return [`${step.id}: event`, `${step.id}: timeout`];
    case 'exit':
      return [`leaves: ${step.reason}`];
    case 'wait_duration':
    case 'wait_until':
    case 'update':
      return [];
    default:
      return assertNever(step);
  }
}

/** Every rule of the contact policy that can decide a send. */
export function ruleTargets(workspace: Workspace): string[] {
  const { policy } = workspace;
  const once = [...workspace.offers.values()].some(
    (offer) => offer.oncePerMember,
  );
  const transactional = [...workspace.journeys.values()].some(
    (journey) => journey.category === 'transactional',
  );
  return [
    ...policy.caps.map((cap) => cap.id),
    ...policy.quietHours.map((quiet) => quiet.id),
    ...policy.fallbacks.map(
      (fallback) => `fallback ${fallback.from} to ${fallback.to}`,
    ),
    ...(policy.consent.size > 0 ? ['consent'] : []),
    ...(once ? ['once_per_member'] : []),
    ...(transactional && policy.transactionalExempt
      ? ['transactional exempt']
      : []),
  ];
}

/** Whether every path and every rule was exercised. */
export function isComplete(coverage: Coverage): boolean {
  const journeys = [...coverage.journeys.values()].every((items) =>
    [...items.values()].every(Boolean),
  );
  return journeys && [...coverage.rules.values()].every(Boolean);
}

/** Coverage as lines for a person: totals, then what no fixture took. */
export function formatCoverage(coverage: Coverage): string {
  const lines: string[] = [];
  let covered = 0;
  let total = 0;
  const missing: string[] = [];
  for (const [journey, items] of coverage.journeys) {
    for (const [item, seen] of items) {
      total++;
      if (seen) covered++;
      else missing.push(`  ${journey}: ${item}`);
    }
  }
  const rules = [...coverage.rules];
  const rulesCovered = rules.filter(([, seen]) => seen).length;
  lines.push(
    `Coverage: ${covered}/${total} journey paths, ${rulesCovered}/${rules.length} contact rules`,
  );
  if (missing.length > 0) lines.push('Paths no fixture takes:', ...missing);
  const rulesMissing = rules
    .filter(([, seen]) => !seen)
    .map(([rule]) => `  ${rule}`);
  if (rulesMissing.length > 0)
    lines.push('Contact rules no fixture triggers:', ...rulesMissing);
  return `${lines.join('\n')}\n`;
}
