import { BuildSession, type BuildResult } from './build-session.js';

export type { BuildResult } from './build-session.js';

/**
 * Checks a workspace and makes its build: templates (Handlebars sources,
 * metadata, previews) and the TypeScript trigger package under triggers/.
 * Templates whose outputs the build already in `out` made from the same
 * files and YAML are taken from it instead of being compiled again. To
 * build the same workspace again and again, keep a BuildSession instead.
 */
export async function buildWorkspace(
  dir: string,
  out: string,
): Promise<BuildResult> {
  const session = new BuildSession(dir, out);
  try {
    return await session.build();
  } finally {
    session.close();
  }
}
