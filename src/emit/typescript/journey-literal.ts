import { flattenJourney } from '../../simulation/flatten-journey.js';
import type { Condition } from '../../workspace/condition.js';
import type { Journey } from '../../workspace/journey.js';
import { Commented, type Literal } from './literal-writer.js';

/** A condition as a reference into conditions.ts. */
export type Reference = (condition: Condition) => Literal;

/**
 * A journey as a ProgramJourney literal: the simulator's own flattening
 * (flattenJourney) with conditions as references, so every instruction and
 * jump target matches; each instruction is commented with its index.
 */
export function journeyLiteral(
  journey: Journey,
  index: number,
  ref: Reference,
): Literal {
  const data = flattenJourney(journey, index, ref);
  const code = data.code.map(
    (instruction, at) => new Commented(String(at), instruction),
  );
  return { ...data, code };
}
