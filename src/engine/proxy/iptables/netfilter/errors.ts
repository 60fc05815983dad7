/** A rule iptables would refuse; the message is what follows `iptables v1.8.9 (legacy): `. */
export class RuleParseError extends Error {
  override name = "RuleParseError";
}

/** The parser's position in a rule's arguments. */
export interface Cursor {
  args: readonly string[];
  i: number;
}

/** The next argument (an option's value), unquoted; advances the cursor. */
export function take(cur: Cursor, opt: string): string {
  const v = cur.args[++cur.i];
  if (v === undefined) throw new RuleParseError(`option "${opt}" requires an argument`);
  if (v.length < 2 || v.charCodeAt(0) !== 34 || v.charCodeAt(v.length - 1) !== 34) return v;
  const inner = v.slice(1, -1);
  // Most quoted values (kube-proxy's comments) hold no escapes: skip the regex for them.
  return inner.includes("\\") ? inner.replace(/\\(["\\'])/g, "$1") : inner;
}
