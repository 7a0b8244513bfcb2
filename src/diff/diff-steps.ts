import type { Step, SplitStep } from '../workspace/journey.js';
import { alignSteps } from './align-steps.js';
import { assignmentsText, describeStep, eventText } from './describe-step.js';
import {
  conditionText,
  formatDuration,
  formatMinute,
} from './describe-values.js';
import type { Locators } from './location.js';
import type { DetailList } from './semantic-change.js';

/** Where step differences go, and how to locate each side's steps. */
export interface StepDiffContext extends Locators {
  readonly details: DetailList;
}

/**
 * Compares two versions of a step list: steps added, removed, and for each
 * step on both sides, what of it changed; nested lists likewise.
 */
export function diffSteps(
  base: readonly Step[],
  head: readonly Step[],
  context: StepDiffContext,
): void {
  const { pairs, removed, added } = alignSteps(base, head);
  for (const step of removed) {
    context.details.add({
      change: 'removed',
      what: `step ${step.id}`,
      before: describeStep(step),
      after: null,
      location: context.base.at(step.span),
    });
  }
  for (const [before, after] of pairs) diffStep(before, after, context);
  for (const step of added) {
    context.details.add({
      change: 'added',
      what: `step ${step.id}`,
      before: null,
      after: describeStep(step),
      location: context.head.at(step.span),
    });
  }
}

function diffStep(before: Step, after: Step, context: StepDiffContext): void {
  const what = `step ${after.id}`;
  const location = context.head.at(after.span);
  const compare = (property: string, a: string | null, b: string | null) =>
    context.details.compare(`${what} ${property}`, a, b, location);

  if (before.kind === 'send' && after.kind === 'send') {
    compare('channel', before.channel, after.channel);
    compare('template', before.template, after.template);
    compare('offer', before.offer ?? null, after.offer ?? null);
  } else if (
    before.kind === 'wait_duration' &&
    after.kind === 'wait_duration'
  ) {
    compare(
      'wait',
      formatDuration(before.durationMs),
      formatDuration(after.durationMs),
    );
  } else if (before.kind === 'wait_until' && after.kind === 'wait_until') {
    compare(
      'wait until',
      formatMinute(before.atMinute),
      formatMinute(after.atMinute),
    );
  } else if (before.kind === 'wait_event' && after.kind === 'wait_event') {
    compare(
      'wait for',
      eventText(before.event, conditionText(before.when)),
      eventText(after.event, conditionText(after.when)),
    );
    compare(
      'timeout',
      formatDuration(before.timeoutMs),
      formatDuration(after.timeoutMs),
    );
    diffSteps(before.onEvent, after.onEvent, context);
    diffSteps(before.onTimeout, after.onTimeout, context);
  } else if (before.kind === 'branch' && after.kind === 'branch') {
    compare('when', conditionText(before.when), conditionText(after.when));
    diffSteps(before.then, after.then, context);
    diffSteps(before.else, after.else, context);
  } else if (before.kind === 'split' && after.kind === 'split') {
    diffSplit(before, after, context);
  } else if (before.kind === 'update' && after.kind === 'update') {
    compare('update', assignmentsText(before), assignmentsText(after));
  } else if (before.kind === 'exit' && after.kind === 'exit') {
    compare('exit reason', before.reason, after.reason);
  } else {
    context.details.compare(
      what,
      describeStep(before),
      describeStep(after),
      location,
    );
  }
}

/** Shares and holdout of a split, variants by id, and each variant's steps. */
function diffSplit(
  before: SplitStep,
  after: SplitStep,
  context: StepDiffContext,
): void {
  const what = `step ${after.id}`;
  const location = context.head.at(after.span);
  const percent = (value: number | undefined): string | null =>
    value === undefined ? null : `${value} %`;
  context.details.compare(
    `${what} holdout`,
    percent(before.holdout),
    percent(after.holdout),
    location,
  );
  const ids = [
    ...new Set([...before.variants, ...after.variants].map((v) => v.id)),
  ];
  for (const id of ids) {
    const a = before.variants.find((variant) => variant.id === id);
    const b = after.variants.find((variant) => variant.id === id);
    context.details.compare(
      `${what} variant ${id} share`,
      percent(a?.share),
      percent(b?.share),
      location,
    );
    if (a !== undefined && b !== undefined)
      diffSteps(a.steps, b.steps, context);
  }
}
