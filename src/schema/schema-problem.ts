import type { FormDescription } from './form-descriptions.js';
import type { JsonPath } from './json-path.js';

/** One kind of value a place accepts: a JSON type, or a described form. */
export type ExpectedValue =
  { readonly type: string } | { readonly form: FormDescription };

/**
 * One mistake found by schema validation, in Slinga's terms rather than
 * ajv's. `path` is where the mistake is: the mapping a key is missing from or
 * stands wrongly in, or the value that is wrong.
 */
export type SchemaProblem =
  | {
      readonly kind: 'unknown-key';
      readonly path: JsonPath;
      readonly key: string;
      readonly allowed: readonly string[];
      readonly suggestion: string | undefined;
    }
  | {
      readonly kind: 'missing-key';
      readonly path: JsonPath;
      readonly key: string;
    }
  | {
      readonly kind: 'required-by-condition';
      readonly path: JsonPath;
      readonly key: string;
      readonly condition: string;
    }
  | {
      readonly kind: 'allowed-only-when';
      readonly path: JsonPath;
      readonly key: string;
      readonly condition: string;
    }
  | {
      readonly kind: 'needs-companion';
      readonly path: JsonPath;
      readonly key: string;
      readonly companion: string;
    }
  | {
      readonly kind: 'wrong-type';
      readonly path: JsonPath;
      readonly expected: readonly ExpectedValue[];
      /** The condition that asks for this type, when an `if` does. */
      readonly condition: string | undefined;
    }
  | {
      readonly kind: 'value-not-allowed';
      readonly path: JsonPath;
      readonly allowed: readonly unknown[];
    }
  | {
      readonly kind: 'bad-form';
      readonly path: JsonPath;
      readonly form: FormDescription;
    }
  | {
      readonly kind: 'bad-name';
      readonly path: JsonPath;
      readonly name: string;
      readonly form: FormDescription;
    }
  | {
      readonly kind: 'out-of-range';
      readonly path: JsonPath;
      readonly comparison: string;
      readonly limit: number;
    }
  | { readonly kind: 'empty'; readonly path: JsonPath }
  | {
      readonly kind: 'duplicate-item';
      readonly path: JsonPath;
      readonly index: number;
    }
  | {
      readonly kind: 'missing-choice';
      readonly path: JsonPath;
      readonly choices: readonly string[];
      readonly step: boolean;
    }
  | {
      readonly kind: 'conflicting-choices';
      readonly path: JsonPath;
      /** The chosen keys that stand together, in document order. */
      readonly present: readonly string[];
      readonly choices: readonly string[];
      readonly step: boolean;
    }
  | {
      readonly kind: 'other';
      readonly path: JsonPath;
      readonly detail: string;
    };
