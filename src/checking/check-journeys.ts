import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Journey, Step } from '../workspace/journey.js';
import type { Channel, Workspace } from '../workspace/workspace.js';
import { assignedType, isDiagnostic } from './assigned-attribute.js';
import { alwaysExits, allSteps, childLists } from './journey-steps.js';

type References = Pick<
  Workspace,
  'model' | 'segments' | 'offers' | 'templates' | 'policy'
>;

/** Checks the references and rules of every journey. */
export function checkJourneys(
  journeys: Iterable<Journey>,
  workspace: References,
  diagnostics: Diagnostic[],
): void {
  for (const journey of journeys) {
    checkEntryAndExits(journey, workspace, diagnostics);
    checkReachability(journey.steps, diagnostics);
    checkStepIds(journey, diagnostics);
    for (const step of allSteps(journey.steps))
      checkStep(journey, step, workspace, diagnostics);
  }
}

function unknown(
  what: string,
  name: string,
  known: Iterable<string>,
  span: Diagnostic['span'],
): Diagnostic {
  return report('SL503', span, {
    what,
    name,
    suggestion: didYouMean(name, known),
  });
}

function checkEntryAndExits(
  journey: Journey,
  workspace: References,
  diagnostics: Diagnostic[],
): void {
  const events = workspace.model.events;
  const checkEvent = (event: string, span: Diagnostic['span']): void => {
    if (!events.has(event))
      diagnostics.push(unknown('event type', event, events.keys(), span));
  };
  const { entry } = journey;
  if (entry.kind === 'event') checkEvent(entry.event, entry.span);
  if (entry.kind === 'segment' && !workspace.segments.has(entry.segment)) {
    diagnostics.push(
      unknown('segment', entry.segment, workspace.segments.keys(), entry.span),
    );
  }
  for (const rule of journey.exitRules)
    if (rule.kind === 'event') checkEvent(rule.event, rule.span);
  if (journey.goal !== undefined)
    checkEvent(journey.goal.event, journey.goal.span);
}

function checkReachability(
  steps: readonly Step[],
  diagnostics: Diagnostic[],
): void {
  steps.forEach((step, index) => {
    const before = steps.slice(0, index);
    const last = before[before.length - 1];
    if (
      last !== undefined &&
      alwaysExits([last]) &&
      !alwaysExits(before.slice(0, -1))
    ) {
      const reason =
        last.kind === 'exit'
          ? `it follows the exit step "${last.id}"`
          : `every path of the step before it ("${last.id}") exits the journey`;
      diagnostics.push(report('SL507', step.span, { reason }));
    }
    for (const list of childLists(step)) checkReachability(list, diagnostics);
  });
}

function checkStepIds(journey: Journey, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const step of allSteps(journey.steps)) {
    if (seen.has(step.id)) {
      diagnostics.push(
        report('SL516', step.span, { id: step.id, journey: journey.id }),
      );
    }
    seen.add(step.id);
  }
}

function checkStep(
  journey: Journey,
  step: Step,
  workspace: References,
  diagnostics: Diagnostic[],
): void {
  switch (step.kind) {
    case 'send':
      checkSend(
        { category: step.category ?? journey.category },
        step.channel,
        step.template,
        step.span,
        workspace,
        diagnostics,
      );
      if (step.offer !== undefined && !workspace.offers.has(step.offer)) {
        diagnostics.push(
          unknown('offer', step.offer, workspace.offers.keys(), step.span),
        );
      }
      return;
    case 'wait_event':
      if (!workspace.model.events.has(step.event)) {
        diagnostics.push(
          unknown(
            'event type',
            step.event,
            workspace.model.events.keys(),
            step.span,
          ),
        );
      }
      if (shadowedByGoal(journey, step)) {
        diagnostics.push(report('SL523', step.span, { event: step.event }));
      }
      if (step.timeoutMs <= 0)
        diagnostics.push(report('SL508', step.span, { event: step.event }));
      return;
    case 'split': {
      const total = step.variants.reduce(
        (sum, variant) => sum + variant.share,
        step.holdout,
      );
      if (Math.abs(total - 100) > 1e-9)
        diagnostics.push(report('SL514', step.span, { total }));
      const ids = new Set<string>();
      for (const variant of step.variants) {
        if (ids.has(variant.id))
          diagnostics.push(report('SL520', step.span, { id: variant.id }));
        ids.add(variant.id);
      }
      return;
    }
    case 'update':
      for (const { attribute, value } of step.assignments) {
        const type = assignedType(workspace.model, attribute, value.span);
        if (isDiagnostic(type)) diagnostics.push(type);
      }
      return;
    case 'wait_duration':
    case 'wait_until':
    case 'branch':
    case 'exit':
      return;
  }
}

/**
 * A send needs its template for the channel, consent rules for marketing,
 * and (as a warning) a template for the policy's fallback channel.
 */
export function checkSend(
  journey: Pick<Journey, 'category'>,
  channel: Channel,
  template: string,
  span: Diagnostic['span'],
  workspace: References,
  diagnostics: Diagnostic[],
): void {
  const templates = workspace.templates.get(template);
  if (templates?.[channel] === undefined) {
    const file = templateFile(template, channel);
    const known = [...workspace.templates.values()].filter(
      (set) => set[channel] !== undefined,
    );
    const suggestion = didYouMean(
      template,
      known.map((set) => set.id),
    );
    diagnostics.push(
      report(
        'SL511',
        span,
        { channel, template, file },
        suggestion === '' ? {} : { help: suggestion.trim() },
      ),
    );
  }
  if (
    journey.category !== 'transactional' &&
    !workspace.policy.consent.has(channel)
  ) {
    diagnostics.push(
      report('SL510', span, { channel, category: journey.category }),
    );
  }
  for (const fallback of workspace.policy.fallbacks) {
    if (fallback.from !== channel || templates === undefined) continue;
    if (templates[fallback.to] === undefined) {
      const data = {
        channel: fallback.to,
        template,
        from: channel,
        file: templateFile(template, fallback.to),
      };
      diagnostics.push(report('SL512', span, data));
    }
  }
}

/** The file a template of a channel is expected in. */
export function templateFile(template: string, channel: Channel): string {
  return channel === 'email'
    ? `templates/${template}.mjml`
    : `templates/${template}.sms.hbs`;
}

/** Whether the goal always takes a wait's event before the wait sees it. */
function shadowedByGoal(
  journey: Journey,
  step: Extract<Step, { kind: 'wait_event' }>,
): boolean {
  const { goal } = journey;
  if (goal === undefined || goal.event !== step.event) return false;
  if (step.onEvent.length === 0) return false;
  return (
    goal.when === undefined || goal.when.source.text === step.when?.source.text
  );
}
