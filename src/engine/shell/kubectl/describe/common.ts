import type { PrefixWriter } from "./writer";

const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
const MAX_ANNOTATION_LEN = 140;

/** `printLabelsMultiline`: `Labels:  a=b` then one `k=v` per continuation line, sorted. */
export function writeLabels(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.append("<none>\n");
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.append("\t");
    w.append(`${k}=${(labels as Record<string, string>)[k]}\n`);
  });
}

/** `printAnnotationsMultiline`: `key: value`, last-applied-configuration hidden, long values wrapped. */
export function writeAnnotations(
  w: PrefixWriter,
  annotations: Record<string, string> | undefined,
  title = "Annotations",
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.append("<none>\n");
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.append("\t");
    const value = ((annotations as Record<string, string>)[k] as string).replace(/\n$/, "");
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.append(`${k}:\n`);
      for (const s of value.split("\n")) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 5)}...` : s;
        w.append(`\t  ${short}\n`);
      }
    } else {
      w.append(`${k}: ${value}\n`);
    }
  });
}

/**
 * `DescribeEvents`. NOTE: the simulated API server keeps no Event objects,
 * so this always prints `<none>`; real clusters list the object's events here.
 */
export function writeEvents(w: PrefixWriter): void {
  w.write(0, "Events:\t<none>\n");
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's `time.RFC1123Z` in UTC: `Mon, 05 Jan 2026 09:00:00 +0000`. */
export function rfc1123z(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** `True`/`False`, as describe prints booleans. */
export function printBool(b: boolean | undefined): string {
  return b ? "True" : "False";
}
