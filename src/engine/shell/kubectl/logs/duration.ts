/** Go's `time.ParseDuration` (`5s`, `2m`, `1h30m`, `1.5h`): milliseconds, or undefined when Go refuses it. */
export function parseGoDuration(text: string): number | undefined {
  const UNITS: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  const m = /^([+-]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+|0)$/.exec(text);
  if (!m) return undefined;
  let total = 0;
  for (const part of (m[2] as string).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g))
    total += Number(part[1]) * (UNITS[part[2] as string] as number);
  return m[1] === "-" ? -total : total;
}
