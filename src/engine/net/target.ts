/** Parsing what a user asks to reach: `web`, `web.shop:8080`, `10.96.0.12:80`, `http://web/`. */

export interface ParsedTarget {
  host: string;
  port?: number;
}

export function parseTarget(target: string): ParsedTarget {
  let s = target.trim().replace(/^[a-z]+:\/\//i, "");
  const slash = s.indexOf("/");
  if (slash >= 0) s = s.slice(0, slash);
  const m = /^(.*):(\d+)$/.exec(s);
  if (m) return { host: m[1] ?? "", port: Number(m[2]) };
  return { host: s };
}
