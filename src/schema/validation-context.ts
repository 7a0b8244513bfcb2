import type { LocatedSchema, SchemaRegistry } from './schema-registry.js';

/** The document being validated, with the schema of its kind. */
export interface ValidationContext {
  readonly registry: SchemaRegistry;
  /** The root schema of the document's kind. */
  readonly root: LocatedSchema;
  /** The document as loaded from YAML. */
  readonly document: unknown;
}
