/**
 * apimachinery's `resource.Quantity`: parsing (`100m`, `70Mi`, `1.5`, `1e3`),
 * adding, and the canonical string `String()` prints. Values are held exactly
 * in nano units (a bigint), the finest scale a Quantity keeps.
 */

/** How a Quantity prints: with a binary suffix (Ki, Mi), a decimal one (m, k, M), or an exponent. */
export type QuantityFormat = "BinarySI" | "DecimalSI" | "DecimalExponent";

export interface Quantity {
  /** The value in units of 10⁻⁹. */
  nano: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX = new Map<number, string>(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIXES = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(?:([eE][+-]?\d+)|([A-Za-z]*))$/;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Parses a quantity as `resource.ParseQuantity` does; undefined for what it refuses. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign, number, exponent, suffix] = m as unknown as [string, string, string, string?, string?];
  const [whole = "", fraction = ""] = number.split(".");
  const digits = BigInt(`${whole}${fraction}` || "0");
  // value = digits × 10^(−fraction.length) × multiplier, in nano units.
  let nano: bigint;
  let format: QuantityFormat;
  if (exponent !== undefined) {
    format = "DecimalExponent";
    nano = scale(digits, Number(exponent.slice(1)) - fraction.length + 9);
  } else if (suffix !== undefined && suffix in BINARY) {
    format = "BinarySI";
    nano = scale(digits * 2n ** BigInt(BINARY[suffix]!), 9 - fraction.length);
  } else if (suffix !== undefined && suffix in DECIMAL) {
    format = "DecimalSI";
    nano = scale(digits, DECIMAL[suffix]! - fraction.length + 9);
  } else return undefined;
  return { nano: sign === "-" ? -nano : nano, format };
}

/** digits × 10^exp, rounded up (away from zero) when exp is negative, as Quantity rounds to nano. */
function scale(digits: bigint, exp: number): bigint {
  if (exp >= 0) return digits * pow10(exp);
  const d = pow10(-exp);
  return (digits + d - 1n) / d;
}

/** A zero Quantity (a missing resource), which prints `0`. */
export const ZERO: Quantity = { nano: 0n, format: "DecimalSI" };

/** `q.Add(other)`: the sum keeps the receiver's format. */
export function addQuantity(q: Quantity, other: Quantity): Quantity {
  return { nano: q.nano + other.nano, format: q.format };
}

/** `Value()`: the value rounded up to an integer. */
export function quantityValue(q: Quantity): bigint {
  return ceilDiv(q.nano, NANO);
}

/** `MilliValue()`: the value × 1000, rounded up. */
export function quantityMilliValue(q: Quantity): bigint {
  return ceilDiv(q.nano, 1_000_000n);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** `String()`: the canonical form (`100m`, `70Mi`, `1500`, `8`). */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return "0";
  const sign = q.nano < 0n ? "-" : "";
  const abs = q.nano < 0n ? -q.nano : q.nano;
  if (q.format === "BinarySI" && abs >= 1024n * NANO && abs % NANO === 0n) {
    let bytes = abs / NANO;
    let i = 0;
    while (i < BINARY_SUFFIXES.length - 1 && bytes % 1024n === 0n) {
      bytes /= 1024n;
      i++;
    }
    return `${sign}${bytes}${BINARY_SUFFIXES[i]}`;
  }
  // Decimal: the largest exponent (a multiple of 3) that leaves an integer mantissa.
  let exp = -9;
  let mantissa = abs;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (q.format === "DecimalExponent") return `${sign}${mantissa}${exp === 0 ? "" : `e${exp}`}`;
  return `${sign}${mantissa}${DECIMAL_SUFFIX.get(exp) ?? ""}`;
}

/** A Quantity as an API object holds it (a string, or a bare number in YAML). */
export function quantityOf(value: unknown): Quantity {
  if (typeof value === "number") return parseQuantity(String(value)) ?? ZERO;
  if (typeof value === "string") return parseQuantity(value) ?? ZERO;
  return ZERO;
}
