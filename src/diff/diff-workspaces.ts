import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import { TimeZone } from '../runtime/time-zone.js';
import type { Workspace } from '../workspace/workspace.js';
import { diffFixtures } from './diff-fixtures.js';
import { diffJourneys } from './diff-journeys.js';
import { diffModel, diffParameters } from './diff-model.js';
import { diffOffers } from './diff-offers.js';
import { diffPolicy } from './diff-policy.js';
import { diffSegments } from './diff-segments.js';
import { diffTemplates } from './diff-templates.js';
import { locator, type Locators } from './location.js';
import type { SemanticChange } from './semantic-change.js';

/** A checked workspace and the text of its files. */
export interface CheckedSide {
  readonly workspace: Workspace;
  readonly sources: SourceLookup;
}

/**
 * The semantic diff of two workspaces: what was added, removed or changed,
 * in domain words, area by area (model, parameters, segments, offers,
 * policy, journeys, templates, fixtures) and by id within an area.
 */
export function diffWorkspaces(
  base: CheckedSide,
  head: CheckedSide,
): SemanticChange[] {
  const locators: Locators = {
    base: locator('base', base.sources),
    head: locator('head', head.sources),
  };
  const before = base.workspace;
  const after = head.workspace;
  return [
    ...diffModel(before.model, after.model, locators),
    ...diffParameters(before.parameters, after.parameters, locators),
    ...diffSegments(before.segments, after.segments, locators),
    ...diffOffers(before.offers, after.offers, locators),
    ...diffPolicy(before.policy, after.policy, locators),
    ...diffJourneys(before.journeys, after.journeys, locators),
    ...diffTemplates(before.templates, after.templates),
    ...diffFixtures(before.fixtures, after.fixtures, locators, {
      model: after.model,
      zone: new TimeZone(after.policy.timeZone),
    }),
  ];
}
