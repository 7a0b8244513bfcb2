import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkExpression, parseCondition } from '../language/index.js';
import {
  describeType,
  requiredType,
  scalarType,
  type Type,
} from '../language/types.js';
import { report } from '../diagnostics/catalogue.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Condition } from '../workspace/condition.js';
import type { Journey, Step } from '../workspace/journey.js';
import type {
  EventType,
  MemberModel,
  Workspace,
} from '../workspace/workspace.js';
import { assertNever } from '../support/assert-never.js';
import { assignedType, isDiagnostic } from './assigned-attribute.js';
import { ScopeFactory, type ScopeExtras } from './scopes.js';

const booleanType = scalarType('boolean');

/**
 * Parses and type-checks every condition of the workspace in the scope of
 * where it stands, and stores the checked syntax tree on the condition.
 */
export function checkConditions(
  workspace: Omit<Workspace, 'fixtures' | 'templates' | 'root'>,
  diagnostics: Diagnostic[],
): void {
  const scopes = new ScopeFactory(workspace);
  const check = (
    condition: Condition | undefined,
    extras: ScopeExtras = {},
    expected: Type = booleanType,
  ): void => {
    if (condition !== undefined)
      checkOne(condition, scopes, extras, expected, diagnostics);
  };

  for (const segment of workspace.segments.values()) check(segment.condition);
  for (const condition of workspace.policy.consent.values()) check(condition);
  for (const fallback of workspace.policy.fallbacks) check(fallback.when);
  for (const journey of workspace.journeys.values()) {
    checkJourney(journey, check, workspace.model);
  }
  for (const event of workspace.model.events.values()) {
    checkEventEffects(event, workspace.model, check, diagnostics);
  }
}

type Check = (
  condition: Condition | undefined,
  extras?: ScopeExtras,
  expected?: Type,
) => void;

function checkJourney(
  journey: Journey,
  check: Check,
  model: MemberModel,
): void {
  const entryEvent =
    journey.entry.kind === 'event' ? journey.entry.event : undefined;
  if (journey.entry.kind === 'event')
    check(journey.entry.when, { event: entryEvent });
  if (journey.entry.kind === 'schedule') check(journey.entry.audience);
  for (const rule of journey.exitRules) {
    if (rule.kind === 'event')
      check(rule.when, { event: rule.event, offer: 'maybe' });
    else check(rule.when, { event: entryEvent, offer: 'maybe' });
  }
  if (journey.goal !== undefined) {
    check(journey.goal.when, { event: journey.goal.event, offer: 'maybe' });
  }
  checkSteps(journey.steps, false, { check, entryEvent, model });
}

interface StepContext {
  readonly check: Check;
  readonly entryEvent: string | undefined;
  readonly model: MemberModel;
}

/**
 * Checks a list of steps; `offerIssued` tells whether every path to the
 * first step has sent an offer, so `offer` needs no guard. Returns the same
 * for the end of the list.
 */
function checkSteps(
  steps: readonly Step[],
  offerIssued: boolean,
  context: StepContext,
): boolean {
  let issued = offerIssued;
  for (const step of steps) issued = checkStep(step, issued, context);
  return issued;
}

function checkStep(step: Step, issued: boolean, context: StepContext): boolean {
  const extras: ScopeExtras = {
    event: context.entryEvent,
    offer: issued ? 'issued' : 'maybe',
  };
  switch (step.kind) {
    case 'send':
      return issued || step.offer !== undefined;
    case 'wait_duration':
    case 'wait_until':
    case 'exit':
      return issued;
    case 'wait_event': {
      context.check(step.when, { ...extras, event: step.event });
      const afterEvent = checkSteps(step.onEvent, issued, context);
      const afterTimeout = checkSteps(step.onTimeout, issued, context);
      return afterEvent && afterTimeout;
    }
    case 'branch': {
      context.check(step.when, extras);
      const afterThen = checkSteps(step.then, issued, context);
      const afterElse = checkSteps(step.else, issued, context);
      return afterThen && afterElse;
    }
    case 'split':
      return step.variants
        .map((variant) => checkSteps(variant.steps, issued, context))
        .every(Boolean);
    case 'update':
      // check-journeys reports the targets that cannot be written.
      for (const { attribute, value } of step.assignments) {
        const type = assignedType(context.model, attribute, value.span);
        if (!isDiagnostic(type))
          context.check(value, extras, requiredType(type));
      }
      return issued;
    default:
      return assertNever(step);
  }
}

function checkOne(
  condition: Condition,
  scopes: ScopeFactory,
  extras: ScopeExtras,
  expected: Type,
  diagnostics: Diagnostic[],
): void {
  const parsed = parseCondition(condition.source);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.expression === undefined) return;
  const checked = checkExpression(
    parsed.expression,
    scopes.scope(extras),
    condition.source,
    expected,
  );
  diagnostics.push(...checked.diagnostics);
  if (checked.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
    return;
  condition.expression = parsed.expression;
  condition.type = checked.type;
}

/**
 * Checks an event's updates and appends: the attributes exist, appends go to
 * lists of objects and name every required field, and every expression has
 * the type of what it writes.
 */
function checkEventEffects(
  event: EventType,
  model: MemberModel,
  check: Check,
  diagnostics: Diagnostic[],
): void {
  const scope = { event: event.name };
  for (const effect of event.effects) {
    const span = effect.kind === 'update' ? effect.value.span : effect.span;
    const type = assignedType(model, effect.attribute, span);
    if (isDiagnostic(type)) {
      diagnostics.push(type);
      continue;
    }
    if (effect.kind === 'update') {
      check(effect.value, scope, requiredType(type));
      continue;
    }
    const list = requiredType(type);
    const item = list.kind === 'list' ? requiredType(list.item) : undefined;
    if (item?.kind !== 'object') {
      const data = {
        attribute: effect.attribute,
        actual: describeType(type),
        expected: 'a list of objects',
      };
      diagnostics.push(report('SL515', span, data));
      continue;
    }
    checkAppendedItem(effect, item.properties, scope, check, diagnostics);
  }
}

function checkAppendedItem(
  effect: Extract<EventType['effects'][number], { kind: 'append' }>,
  properties: ReadonlyMap<string, Type>,
  scope: ScopeExtras,
  check: Check,
  diagnostics: Diagnostic[],
): void {
  const written = new Set(effect.fields.map((field) => field.name));
  for (const field of effect.fields) {
    const type = properties.get(field.name);
    if (type === undefined) {
      const data = {
        what: 'item field',
        name: field.name,
        suggestion: didYouMean(field.name, properties.keys()),
      };
      diagnostics.push(report('SL503', field.value.span, data));
    } else {
      check(field.value, scope, type);
    }
  }
  for (const [name, type] of properties) {
    if (!written.has(name) && type.kind !== 'optional') {
      diagnostics.push(report('SL518', effect.span, { field: name }));
    }
  }
}
