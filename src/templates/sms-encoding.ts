/** How an SMS is encoded: 7-bit GSM alphabet, or UCS-2 when it must be. */
export type SmsEncoding = 'gsm7' | 'ucs2';

/** The length of an SMS text and what it costs. */
export interface SmsMeasure {
  readonly encoding: SmsEncoding;
  /** GSM-7 septets (an extension character is 2), or UCS-2 units. */
  readonly characters: number;
  readonly parts: number;
  /** The first character outside GSM-7, which made the text UCS-2. */
  readonly forcedBy: string | undefined;
}

/** The GSM 03.38 basic character set, escape excluded. */
const basicCharacters = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table: each costs an escape septet and its own. */
const extensionCharacters = new Set('\f^{}\\[~]|€');

/** Characters a part holds: alone, and when the text is split in parts. */
export const partLimits: Readonly<
  Record<SmsEncoding, { single: number; multi: number }>
> = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
};

/** Measures an SMS text: encoding, length and number of parts. */
export function measureSms(text: string): SmsMeasure {
  const forcedBy = firstNonGsmCharacter(text);
  const encoding: SmsEncoding = forcedBy === undefined ? 'gsm7' : 'ucs2';
  const costs = characterCosts(text, encoding);
  const characters = costs.reduce((sum, cost) => sum + cost, 0);
  return {
    encoding,
    characters,
    parts: countParts(costs, characters, encoding),
    forcedBy,
  };
}

/** The first character GSM-7 cannot encode, if any. */
export function firstNonGsmCharacter(text: string): string | undefined {
  for (const character of text) {
    if (!basicCharacters.has(character) && !extensionCharacters.has(character))
      return character;
  }
  return undefined;
}

/** What each character (code point) costs in the encoding. */
function characterCosts(text: string, encoding: SmsEncoding): number[] {
  const costs: number[] = [];
  for (const character of text) {
    if (encoding === 'ucs2') costs.push(character.length);
    else costs.push(extensionCharacters.has(character) ? 2 : 1);
  }
  return costs;
}

/**
 * The parts of a text. A long text is split into parts with a header, and a
 * character is never split across two parts (an escape and its extension
 * character, or the two halves of a surrogate pair, stay together).
 */
function countParts(
  costs: readonly number[],
  characters: number,
  encoding: SmsEncoding,
): number {
  const limits = partLimits[encoding];
  if (characters <= limits.single) return 1;

  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limits.multi) {
      parts++;
      used = 0;
    }
    used += cost;
  }
  return parts;
}
