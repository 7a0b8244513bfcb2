import type { Segment } from '../workspace/workspace.js';
import { conditionText } from './describe-values.js';
import type { Locators } from './location.js';
import { diffItems, type SemanticChange } from './semantic-change.js';

/** Segments added, removed, and changes of condition, area and group. */
export function diffSegments(
  base: ReadonlyMap<string, Segment>,
  head: ReadonlyMap<string, Segment>,
  locators: Locators,
): SemanticChange[] {
  return diffItems(base, head, locators, {
    area: 'segment',
    compare: (before, after, details) => {
      const key = (name: string) => locators.head.key(after.span, name);
      details.compare(
        'condition',
        conditionText(before.condition),
        conditionText(after.condition),
        locators.head.at(after.condition.span),
      );
      details.compare(
        'area',
        before.area ?? null,
        after.area ?? null,
        key('area'),
      );
      details.compare(
        'group',
        before.group ?? null,
        after.group ?? null,
        key('group'),
      );
    },
    summary: (segment) => conditionText(segment.condition),
  });
}
