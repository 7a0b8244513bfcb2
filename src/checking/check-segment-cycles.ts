import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Segment } from '../workspace/workspace.js';

/**
 * Reports segments that depend on themselves, directly or through other
 * segments. Each cycle is reported once, at the segment where it was found.
 */
export function checkSegmentCycles(
  segments: ReadonlyMap<string, Segment>,
  diagnostics: Diagnostic[],
): void {
  const uses = new Map(
    [...segments].map(([id, segment]) => [
      id,
      segmentReferences(segment.condition.source.text),
    ]),
  );
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();

  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      const key = [...cycle].sort().join(',');
      const segment = segments.get(id);
      if (!reported.has(key) && segment !== undefined) {
        reported.add(key);
        diagnostics.push(
          report('SL506', segment.condition.span, {
            id,
            cycle: cycle.join(' → '),
          }),
        );
      }
      return;
    }
    state.set(id, 'visiting');
    for (const used of uses.get(id) ?? [])
      if (segments.has(used)) visit(used, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of [...segments.keys()].sort()) visit(id, []);
}

/**
 * The segments a condition uses. Reads `segment.NAME` outside string
 * literals, so it works on conditions that did not type-check too.
 */
export function segmentReferences(text: string): string[] {
  const withoutStrings = text.replace(
    /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g,
    '""',
  );
  return [
    ...withoutStrings.matchAll(/\bsegment\s*\.\s*([a-z][a-z0-9_]*)/g),
  ].map((match) => match[1] ?? '');
}
