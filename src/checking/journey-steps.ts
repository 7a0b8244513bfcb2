import type { Step } from '../workspace/journey.js';
import { assertNever } from '../support/assert-never.js';

/** Every step of a list, depth first, nested lists included. */
export function* allSteps(steps: readonly Step[]): Generator<Step> {
  for (const step of steps) {
    yield step;
    yield* allSteps(childLists(step).flat());
  }
}

/** The nested step lists of a step. */
export function childLists(step: Step): (readonly Step[])[] {
  switch (step.kind) {
    case 'wait_event':
      return [step.onEvent, step.onTimeout];
    case 'branch':
      return [step.then, step.else];
    case 'split':
      return step.variants.map((variant) => variant.steps);
    case 'send':
    case 'wait_duration':
    case 'wait_until':
    case 'update':
    case 'exit':
      return [];
    default:
      return assertNever(step);
  }
}

/**
 * Whether a list of steps always ends the journey by an exit step, on
 * every path through it.
 */
export function alwaysExits(steps: readonly Step[]): boolean {
  return steps.some((step) => stepAlwaysExits(step));
}

function stepAlwaysExits(step: Step): boolean {
  switch (step.kind) {
    case 'exit':
      return true;
    case 'branch':
      return alwaysExits(step.then) && alwaysExits(step.else);
    case 'wait_event':
      return alwaysExits(step.onEvent) && alwaysExits(step.onTimeout);
    case 'split':
      // The holdout leaves at once, so only the variants matter.
      return step.variants.every((variant) => alwaysExits(variant.steps));
    case 'send':
    case 'wait_duration':
    case 'wait_until':
    case 'update':
      return false;
    default:
      return assertNever(step);
  }
}
