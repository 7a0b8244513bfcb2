import { createHash } from 'node:crypto';
import { constant, fileHeader, generatedFile } from './generated-file.js';

/**
 * fingerprint.ts: a hash of everything that decides sends (program.ts,
 * conditions.ts and the runtime), the same for the same workspace on every
 * machine. A saved state names the program that made it, and another
 * program takes it up only when told to upgrade it: the state's journey
 * instances point into the steps of the program that saved them.
 * Kept out of program.ts so that an edit to the engine's comments does not
 * change the program's text.
 */
export function emitFingerprint(inputs: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [name, text] of inputs) {
    hash.update(`${name}:${text.length}:${text}`);
  }
  const fingerprint = `sha256:${hash.digest('hex').slice(0, 32)}`;
  const header = fileHeader(
    'The fingerprint of the program, for the state file.',
    [],
  );
  return generatedFile('fingerprint.ts', header, [
    constant({
      name: 'programFingerprint',
      docs: [
        'Names this program: another takes up its states only as an upgrade.',
      ],
      exported: true,
      value: fingerprint,
    }),
  ]);
}
