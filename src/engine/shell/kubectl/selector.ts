/**
 * Label selectors as `-l` takes them (apimachinery `labels.Parse`): `=`,
 * `==`, `!=`, `in (..)`, `notin (..)`, `key` (exists) and `!key`.
 */
export type Requirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!" };

/** Parses a selector; returns kubectl's error text when it cannot. */
export function parseSelector(text: string): Requirement[] | { error: string } {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur !== "" || parts.length > 0) parts.push(cur);
  const out: Requirement[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    const set = /^([^\s!=]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
    if (set) {
      const values = (set[3] as string).split(",").map((v) => v.trim());
      out.push({ key: set[1] as string, op: set[2] as "in" | "notin", values });
      continue;
    }
    const eq = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,=!]*)$/.exec(part);
    if (eq) {
      out.push({ key: eq[1] as string, op: eq[2] === "!=" ? "!=" : "=", value: eq[3] as string });
      continue;
    }
    const not = /^!\s*([^\s!=]+)$/.exec(part);
    if (not) {
      out.push({ key: not[1] as string, op: "!" });
      continue;
    }
    if (/^[^\s!=(),]+$/.test(part)) {
      out.push({ key: part, op: "exists" });
      continue;
    }
    return { error: `error: unable to parse requirement: found '${part}', expected: identifier` };
  }
  return out;
}

/** True when `labels` satisfy every requirement. */
export function matchesSelector(
  reqs: readonly Requirement[],
  labels: Readonly<Record<string, string>> = {},
): boolean {
  return reqs.every((r) => {
    const has = Object.hasOwn(labels, r.key);
    const v = labels[r.key];
    switch (r.op) {
      case "=":
        return has && v === r.value;
      case "!=":
        return !has || v !== r.value;
      case "in":
        return has && r.values.includes(v as string);
      case "notin":
        return !has || !r.values.includes(v as string);
      case "exists":
        return has;
      case "!":
        return !has;
    }
    return false;
  });
}

/** `k=v,k2=v2` sorted by key, or `<none>` (`labels.FormatLabels`). */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(",");
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** `metav1.FormatLabelSelector`: requirements sorted by key; `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(",");
    const text =
      e.operator === "In"
        ? `${e.key} in (${values})`
        : e.operator === "NotIn"
          ? `${e.key} notin (${values})`
          : e.operator === "Exists"
            ? e.key
            : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  if (reqs.length === 0) return "<none>";
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(",");
}

/** Requirements equivalent to a LabelSelector, for matching pods. */
export function selectorRequirements(sel: LabelSelector | undefined): Requirement[] {
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) out.push({ key, op: "=", value });
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === "In") out.push({ key: e.key, op: "in", values: e.values ?? [] });
    else if (e.operator === "NotIn") out.push({ key: e.key, op: "notin", values: e.values ?? [] });
    else if (e.operator === "Exists") out.push({ key: e.key, op: "exists" });
    else out.push({ key: e.key, op: "!" });
  }
  return out;
}
