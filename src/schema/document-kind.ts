/** The kinds of YAML documents in a workspace, as written after `kind:`. */
export type DocumentKind =
  | 'Model'
  | 'Parameters'
  | 'Segment'
  | 'Offer'
  | 'ContactPolicy'
  | 'Journey'
  | 'Fixture';

/** Every document kind, in the order the formats are documented. */
export const documentKinds: readonly DocumentKind[] = [
  'Model',
  'Parameters',
  'Segment',
  'Offer',
  'ContactPolicy',
  'Journey',
  'Fixture',
];

/** The file in `schemas/` that describes each kind. */
export const schemaFileNames: Readonly<Record<DocumentKind, string>> = {
  Model: 'model.schema.json',
  Parameters: 'parameters.schema.json',
  Segment: 'segment.schema.json',
  Offer: 'offer.schema.json',
  ContactPolicy: 'contact-policy.schema.json',
  Journey: 'journey.schema.json',
  Fixture: 'fixture.schema.json',
};

/** True when the text names a document kind. */
export function isDocumentKind(text: string): text is DocumentKind {
  return (documentKinds as readonly string[]).includes(text);
}
