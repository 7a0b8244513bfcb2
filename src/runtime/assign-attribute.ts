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
  let object = member;
  let start = 0;
  for (
    let dot = target.indexOf('.');
    dot >= 0;
    dot = target.indexOf('.', start)
  ) {
    object = object[target.slice(start, dot)] as Record<string, unknown>;
    start = dot + 1;
  }
  object[target.slice(start)] = value;
}
