/**
 * The types that decode themselves (their own UnmarshalJSON): resource.Quantity, metav1.Time and
 * metav1.Duration, and []byte's base64. Each returns the error text Go would, or undefined.
 */
import { goQuote } from "./goText";

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_FORMAT = `quantities must match the regular expression '${QUANTITY.source}'`;
const SUFFIXES = new Set([
  "",
  "n",
  "u",
  "m",
  "k",
  "M",
  "G",
  "T",
  "P",
  "E",
  "Ki",
  "Mi",
  "Gi",
  "Ti",
  "Pi",
  "Ei",
]);

/** `resource.ParseQuantity` on the text UnmarshalJSON receives (quotes stripped, spaces trimmed). */
export function quantityError(text: string): string | undefined {
  const value = text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
  const s = value.trim();
  if (s.length === 0) return QUANTITY_FORMAT;
  const m = QUANTITY.exec(s);
  if (!m) return QUANTITY_FORMAT;
  const number = m[1]!;
  const suffix = m[2]!;
  // parseQuantityString reads one `.`: a second one is where the suffix would start, and is no suffix.
  if ((number.match(/\./g) ?? []).length > 1) return QUANTITY_FORMAT;
  if (!/\d/.test(number)) return "unable to parse numeric part of quantity";
  if (!SUFFIXES.has(suffix) && !/^[eE][-+]?\d+$/.test(suffix)) return "unable to parse quantity's suffix";
  return undefined;
}

const RFC3339 = "2006-01-02T15:04:05Z07:00";

const FOUR_DIGITS = /^\d{4}$/;
const TWO_DIGITS = /^\d{2}$/;
/** The steps of Go's RFC 3339 layout: separator, layout element, width, largest value, name. */
const RFC3339_STEPS: readonly (readonly [string, string, number, number, string])[] = [
  ["", "2006", 4, 0, ""],
  ["-", "01", 2, 12, "month"],
  ["-", "02", 2, 31, "day"],
  ["T", "15", 2, 23, "hour"],
  [":", "04", 2, 59, "minute"],
  [":", "05", 2, 59, "second"],
];

/**
 * `time.Parse(time.RFC3339, s)`'s error: the layout is read element by element and the first one
 * that does not fit is named (`cannot parse "x" as "2006"`), or a value out of range, or extra text.
 */
export function rfc3339Error(s: string): string | undefined {
  const head = () => `parsing time ${goQuote(s)}`;
  const fail = (rest: string, elem: string) =>
    `${head()} as ${goQuote(RFC3339)}: cannot parse ${goQuote(rest)} as ${goQuote(elem)}`;
  let rest = s;
  for (const [sep, elem, width, max, name] of RFC3339_STEPS) {
    if (!rest.startsWith(sep)) return fail(rest, sep);
    rest = rest.slice(sep.length);
    const digits = rest.slice(0, width);
    if (!(width === 4 ? FOUR_DIGITS : TWO_DIGITS).test(digits)) return fail(rest, elem);
    const n = Number(digits);
    if (name && (n > max || ((name === "month" || name === "day") && n === 0))) {
      return `${head()}: ${name === "day" ? "day" : name} out of range`;
    }
    rest = rest.slice(width);
  }
  const frac = /^[.,]\d+/.exec(rest);
  if (frac) rest = rest.slice(frac[0].length);
  if (rest.startsWith("Z")) rest = rest.slice(1);
  else {
    const zone = /^[+-]\d\d:\d\d/.exec(rest);
    if (!zone) return fail(rest, "Z07:00");
    rest = rest.slice(zone[0].length);
  }
  return rest.length > 0 ? `${head()}: extra text: ${goQuote(rest)}` : undefined;
}

const DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

/** `time.ParseDuration`'s error for a metav1.Duration. */
export function durationError(s: string): string | undefined {
  if (s === "0" || DURATION.test(s)) return undefined;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)+$/.test(s)) return `time: missing unit in duration ${goQuote(s)}`;
  const unit = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)([^\d.]+)/.exec(s)?.[1];
  if (unit && /^[a-zµμ]+$/.test(unit) && !["ns", "us", "µs", "μs", "ms", "s", "m", "h"].includes(unit)) {
    return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(s)}`;
  }
  return `time: invalid duration ${goQuote(s)}`;
}

/** encoding/base64's `illegal base64 data at input byte N` for a []byte field, or undefined. */
export function base64Error(s: string): string | undefined {
  const text = s.replace(/[\r\n]/g, "");
  for (let i = 0; i < text.length; i++) {
    if (!/[A-Za-z0-9+/=]/.test(text[i]!)) return `illegal base64 data at input byte ${i}`;
  }
  const pad = text.indexOf("=");
  if (pad >= 0 && (!/^=*$/.test(text.slice(pad)) || text.length % 4 !== 0)) {
    return `illegal base64 data at input byte ${pad}`;
  }
  if (pad < 0 && text.length % 4 !== 0)
    return `illegal base64 data at input byte ${text.length - (text.length % 4)}`;
  return undefined;
}
