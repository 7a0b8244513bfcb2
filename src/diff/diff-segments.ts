import type { Segment } from '../workspace/workspace.js';
import { conditionText } from './describe-values.js';
import type { Locators } from './location.js';
import {
  changedItem,
  compareById,
  DetailList,
  onlyOneSide,
  type SemanticChange,
} from './semantic-change.js';

/** Segments added, removed, and changes of condition, area and group. */
export function diffSegments(
  base: ReadonlyMap<string, Segment>,
  head: ReadonlyMap<string, Segment>,
  locators: Locators,
): SemanticChange[] {
  return compareById(
    base,
    head,
    (id, before, after) => {
      const details = new DetailList();
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
      return changedItem(
        'segment',
        id,
        details.details,
        locators.head.at(after.span),
      );
    },
    (id, segment, change) =>
      onlyOneSide(
        'segment',
        id,
        change,
        conditionText(segment.condition),
        locators[change === 'added' ? 'head' : 'base'].at(segment.span),
      ),
  );
}
