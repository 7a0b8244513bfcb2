import { assertNever } from '../support/assert-never.js';
import type { Step } from '../workspace/journey.js';
import {
  conditionText,
  formatDuration,
  formatMinute,
} from './describe-values.js';

/** A step in one line: `send email winback with offer winback_25`, `wait 14d`. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'send': {
      const offer = step.offer === undefined ? '' : ` with offer ${step.offer}`;
      return `send ${step.channel} ${step.template}${offer}`;
    }
    case 'wait_duration':
      return `wait ${formatDuration(step.durationMs)}`;
    case 'wait_until':
      return `wait until ${formatMinute(step.atMinute)}`;
    case 'wait_event': {
      const event = eventText(step.event, conditionText(step.when));
      return `wait for ${event} up to ${formatDuration(step.timeoutMs)}`;
    }
    case 'branch':
      return `branch when ${conditionText(step.when) ?? ''}`;
    case 'split':
      return `split ${splitText(step)}`;
    case 'update':
      return `update ${assignmentsText(step)}`;
    case 'exit':
      return `exit ${step.reason}`;
    default:
      return assertNever(step);
  }
}

/** `purchase` or `purchase when event.amount > 0 SEK`. */
export function eventText(event: string, when: string | null): string {
  return when === null ? event : `${event} when ${when}`;
}

/** `offer 90 %, holdout 10 %`. */
function splitText(step: Extract<Step, { kind: 'split' }>): string {
  const parts = step.variants.map(
    (variant) => `${variant.id} ${variant.share} %`,
  );
  if (step.holdout > 0) parts.push(`holdout ${step.holdout} %`);
  return parts.join(', ');
}

/** `a = 1, b = member.x`. */
export function assignmentsText(
  step: Extract<Step, { kind: 'update' }>,
): string {
  return step.assignments
    .map(
      (assignment) =>
        `${assignment.attribute} = ${conditionText(assignment.value) ?? ''}`,
    )
    .join(', ');
}

/** Kinds of step that a change can turn into one another. */
export function stepFamily(step: Step): string {
  return step.kind.startsWith('wait') ? 'wait' : step.kind;
}

/**
 * Whether the step's id was written in the document. Ids made from the
 * position (`steps.2.then.0`) hold dots; written ids cannot.
 */
export function hasWrittenId(step: Step): boolean {
  return !step.id.includes('.');
}
