/** `a`, `a or b`, `a, b or c`. */
export function listWords(
  words: readonly string[],
  conjunction: 'and' | 'or',
): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

/** Words in double quotes, as keys and values appear in messages. */
export function quoted(words: readonly unknown[]): string[] {
  return words.map((word) => JSON.stringify(word));
}

/** The text with its first letter in upper case, to start a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
