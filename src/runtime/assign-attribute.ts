/**
 * Sets a member attribute, `email_confirmed`, or a property of an object
 * attribute, `consent.children`, in place, as the engine changes members.
 * The checker has made sure that every object on the way is a required
 * attribute, so it is there.
 */
export function assignAttribute(
  member: Record<string, unknown>,
  target: string,
  value: unknown,
): void {
  // Most targets are plain names (several per purchase): no split for them.
  if (!target.includes('.')) {
    member[target] = value;
    return;
  }
  const names = target.split('.');
  const last = names.pop() ?? target;
  let object = member;
  for (const name of names) object = object[name] as Record<string, unknown>;
  object[last] = value;
}
