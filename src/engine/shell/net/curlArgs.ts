/** Parsing curl's command line (the options lessons use). */

export interface CurlOptions {
  url?: string;
  verbose: boolean;
  silent: boolean;
  showError: boolean;
  head: boolean;
  maxTimeSec?: number;
  headers: string[];
  output?: string;
  writeOut?: string;
  /** `--local-port FROM[-TO]`: the first port to bind and how many to try. */
  localPort?: { from: number; tries: number };
  error?: string;
}

/**
 * curl's parse_localport (tool_getparam.c): digits, then optionally ` - ` (a blank either side
 * allowed) and the last port; each at most 65535 and the range not backwards, else "is badly used
 * here". Port 0 asks for no binding, as CURLOPT_LOCALPORT 0 does.
 */
export function parseLocalPort(value: string): { from: number; tries: number } | undefined {
  const m = /^(\d*)(?:[ \t]?-[ \t]?(.*))?$/.exec(value);
  if (!m || !/^\d+$/.test(m[1] ?? "")) return undefined;
  const from = Number(m[1]);
  if (from > 65535) return undefined;
  if (m[2] === undefined) return { from, tries: 1 };
  if (!/^\d+$/.test(m[2]) || Number(m[2]) > 65535) return undefined;
  const tries = Number(m[2]) - (from - 1);
  return tries < 1 ? undefined : { from, tries };
}

/** Parses `curl -sv -m 5 -H 'X: y' -o /dev/null -w '%{http_code}' URL`. */
export function parseCurlArgs(args: readonly string[]): CurlOptions {
  const o: CurlOptions = { verbose: false, silent: false, showError: false, head: false, headers: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const value = () => args[++i];
    if (a === "--verbose") o.verbose = true;
    else if (a === "--silent") o.silent = true;
    else if (a === "--show-error") o.showError = true;
    else if (a === "--head") o.head = true;
    else if (a === "--max-time" || a === "--connect-timeout") o.maxTimeSec = Number(value());
    else if (a === "--header") o.headers.push(value() ?? "");
    else if (a === "--output") o.output = value();
    else if (a === "--write-out") o.writeOut = value();
    else if (a === "--local-port") {
      const v = value();
      if (v === undefined) return { ...o, error: `curl: option ${a}: requires parameter` };
      const range = parseLocalPort(v);
      if (!range) return { ...o, error: `curl: option ${a}: is badly used here` };
      o.localPort = range;
    } else if (a.startsWith("--")) return { ...o, error: `curl: option ${a}: is unknown` };
    else if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        const rest = a.slice(j + 1);
        const take = () => (rest ? rest : value());
        if (f === "v") o.verbose = true;
        else if (f === "s") o.silent = true;
        else if (f === "S") o.showError = true;
        else if (f === "I") o.head = true;
        else if (f === "L" || f === "k" || f === "4") continue;
        else if (f === "m") o.maxTimeSec = Number(take());
        else if (f === "H") o.headers.push(take() ?? "");
        else if (f === "o") o.output = take();
        else if (f === "w") o.writeOut = take();
        else return { ...o, error: `curl: option -${f}: is unknown` };
        if ("mHow".includes(f ?? "")) break;
      }
    } else o.url = a;
  }
  return o;
}

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

/** `web`, `web:8080/x`, `http://10.96.0.12/`: scheme defaults to http, port to 80 (443 for https). */
export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([/?][^#]*)?/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  let path = m[4] ?? "/";
  if (path.startsWith("?")) path = `/${path}`;
  return { scheme, host: m[2] ?? "", port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path };
}
