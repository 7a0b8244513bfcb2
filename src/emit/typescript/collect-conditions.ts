import { assertNever } from '../../support/assert-never.js';
import type { Condition } from '../../workspace/condition.js';
import type { Journey, Step } from '../../workspace/journey.js';
import type { Workspace } from '../../workspace/workspace.js';
import { camelIdentifier, UniqueNames } from './identifiers.js';
import { compareText, sortedByKey } from './ordering.js';

/** One compiled condition of the workspace, with its name in conditions.ts. */
export interface NamedCondition {
  /** The exported identifier in conditions.ts. */
  readonly name: string;
  readonly condition: Condition;
  /** Where it comes from, in words: `journey winback, entry audience`. */
  readonly role: string;
  /**
   * True for a condition the engine tests with `=== true`; false for a value
   * (an `update` or an event effect) that is stored.
   */
  readonly isTest: boolean;
}

/** Every condition of a workspace, in a stable order, by name and object. */
export class ConditionTable {
  readonly all: NamedCondition[] = [];
  private readonly names = new Map<Condition, string>();
  private readonly unique = new UniqueNames();

  /** The name of a condition the table holds; a bug if it holds none. */
  nameOf(condition: Condition): string {
    const name = this.names.get(condition);
    if (name === undefined) {
      throw new Error(`condition not collected: ${condition.source.text}`);
    }
    return name;
  }

  add(
    words: readonly string[],
    condition: Condition,
    role: string,
    isTest = true,
  ): void {
    const name = this.unique.take(camelIdentifier(words));
    this.names.set(condition, name);
    this.all.push({ name, condition, role, isTest });
  }

  addOptional(
    words: readonly string[],
    condition: Condition | undefined,
    role: string,
  ): void {
    if (condition !== undefined) this.add(words, condition, role);
  }
}

/**
 * Names every condition of the workspace: segments, then journeys, the
 * contact policy and the event effects, each group sorted by id.
 */
export function collectConditions(workspace: Workspace): ConditionTable {
  const table = new ConditionTable();
  for (const segment of sortedByKey(workspace.segments)) {
    table.add(
      ['segment', segment.id],
      segment.condition,
      `segment ${segment.id}`,
    );
  }
  for (const journey of sortedByKey(workspace.journeys)) {
    collectJourney(journey, table);
  }
  collectPolicy(workspace, table);
  collectEventEffects(workspace, table);
  return table;
}

function collectJourney(journey: Journey, table: ConditionTable): void {
  const words = ['journey', journey.id];
  const role = `journey ${journey.id}`;
  const { entry, goal } = journey;
  if (entry.kind === 'event') {
    table.addOptional(
      [...words, 'entry', 'when'],
      entry.when,
      `${role}, entry when`,
    );
  } else if (entry.kind === 'schedule') {
    table.addOptional(
      [...words, 'entry', 'audience'],
      entry.audience,
      `${role}, entry audience`,
    );
  }
  journey.exitRules.forEach((rule, index) => {
    const place = `exit_when ${index}`;
    table.addOptional(
      [...words, 'exit', String(index)],
      rule.when,
      `${role}, ${place}`,
    );
  });
  table.addOptional(
    [...words, 'goal', 'when'],
    goal?.when,
    `${role}, goal when`,
  );
  collectSteps(journey.steps, words, role, table);
}

function collectSteps(
  steps: readonly Step[],
  words: readonly string[],
  role: string,
  table: ConditionTable,
): void {
  for (const step of steps) {
    const stepWords = [...words, step.id];
    const stepRole = `${role}, step ${step.id}`;
    switch (step.kind) {
      case 'send':
      case 'wait_duration':
      case 'wait_until':
      case 'exit':
        break;
      case 'wait_event':
        table.addOptional([...stepWords, 'when'], step.when, stepRole);
        collectSteps(step.onEvent, words, role, table);
        collectSteps(step.onTimeout, words, role, table);
        break;
      case 'branch':
        table.add([...stepWords, 'when'], step.when, stepRole);
        collectSteps(step.then, words, role, table);
        collectSteps(step.else, words, role, table);
        break;
      case 'split':
        for (const variant of step.variants) {
          collectSteps(variant.steps, words, role, table);
        }
        break;
      case 'update':
        for (const { attribute, value } of step.assignments) {
          table.add(
            [...stepWords, 'set', attribute],
            value,
            `${stepRole}, set ${attribute}`,
            false,
          );
        }
        break;
      default:
        assertNever(step);
    }
  }
}

function collectPolicy(workspace: Workspace, table: ConditionTable): void {
  const { policy } = workspace;
  const consent = [...policy.consent].sort(([a], [b]) => compareText(a, b));
  for (const [channel, condition] of consent) {
    table.add(
      ['policy', 'consent', channel],
      condition,
      `contact policy, consent for ${channel}`,
    );
  }
  policy.fallbacks.forEach((fallback, index) => {
    table.add(
      ['policy', 'fallback', String(index), 'when'],
      fallback.when,
      `contact policy, fallback ${index} (${fallback.from} to ${fallback.to})`,
    );
  });
}

function collectEventEffects(
  workspace: Workspace,
  table: ConditionTable,
): void {
  for (const event of sortedByKey(workspace.model.events)) {
    const words = ['event', event.name];
    for (const effect of event.effects) {
      if (effect.kind === 'update') {
        table.add(
          [...words, 'updates', effect.attribute],
          effect.value,
          `event ${event.name}, updates ${effect.attribute}`,
          false,
        );
        continue;
      }
      for (const field of effect.fields) {
        table.add(
          [...words, 'appends', effect.attribute, field.name],
          field.value,
          `event ${event.name}, appends ${effect.attribute}.${field.name}`,
          false,
        );
      }
    }
  }
}
