import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  documentTypesFile,
  generateDocumentTypes,
} from '../../scripts/generate-document-types.js';

describe('src/schema/documents.ts', () => {
  it('is what the schemas generate (run `npm run schemas:types`)', async () => {
    const written = readFileSync(documentTypesFile, 'utf8');
    expect(await generateDocumentTypes()).toBe(written);
  });
});
