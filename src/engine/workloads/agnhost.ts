/**
 * Kubernetes' e2e test image `agnhost`: `serve-hostname` (answers its pod
 * name on 9376) and `netexec` (an HTTP toolbox on 8080), as upstream's
 * `test/images/agnhost` implements them.
 */
import type { Protocol } from "../net/types";
import type { LogLine } from "./logs";
import type { HttpRequest, HttpResponse, ServeContext, Workload } from "./types";
import { byteLength, httpDate } from "./types";

/** `--port=9376` / `--port 9376` from an argument list. */
function flag(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const bare = a.replace(/^--?/, "");
    if (bare.startsWith(`${name}=`)) return bare.slice(name.length + 1);
    if (bare === name && i + 1 < args.length) return args[i + 1];
  }
  return undefined;
}

function boolFlag(args: readonly string[], name: string, dflt: boolean): boolean {
  const hit = args.find((a) => a.replace(/^--?/, "").split("=")[0] === name);
  if (!hit) return dflt;
  const v = hit.split("=")[1];
  return v === undefined || v === "true";
}

/** A Go `net/http` text response: Date, Content-Length, Content-Type, in that order. */
function goText(body: string, ctx: ServeContext, status = 200, reason = "OK"): HttpResponse {
  return {
    status,
    reason,
    headers: [
      ["Date", httpDate(ctx.nowMs)],
      ["Content-Length", String(byteLength(body))],
      ["Content-Type", "text/plain; charset=utf-8"],
    ],
    body,
  };
}

/** One query parameter, percent- and plus-decoded as Go's `FormValue` does. */
export function queryParam(query: string, name: string): string {
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    const k = eq < 0 ? pair : pair.slice(0, eq);
    if (k !== name) continue;
    const v = eq < 0 ? "" : pair.slice(eq + 1);
    try {
      return decodeURIComponent(v.replace(/\+/g, " "));
    } catch {
      return v;
    }
  }
  return "";
}

/** Go's `time.Now()` printed with `%v`: wall clock, zone, and the monotonic reading. */
export function goTimeNow(nowMs: number, startedMs: number): string {
  const d = new Date(nowMs);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const wall = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000`;
  const mono = Math.max(0, nowMs - startedMs) / 1000;
  return `${wall} +0000 UTC m=+${mono.toFixed(9)}`;
}

/** Go's `log.Printf` line: `2025/04/16 12:01:11 message`, on stderr. */
export function goLog(ms: number, message: string): LogLine {
  const d = new Date(ms).toISOString();
  return { stream: "stderr", text: `${d.slice(0, 10).replace(/-/g, "/")} ${d.slice(11, 19)} ${message}` };
}

/** `agnhost serve-hostname [--port 9376] [--http] [--tcp] [--udp]`. */
export function serveHostnameWorkload(args: readonly string[]): Workload {
  const port = Number(flag(args, "port") ?? 9376);
  const tcp = boolFlag(args, "tcp", false);
  const udp = boolFlag(args, "udp", false);
  const http = boolFlag(args, "http", !(tcp || udp));
  return {
    name: "agnhost serve-hostname",
    tools: [],
    listens: (p: number, proto: Protocol) => p === port && (proto === "TCP" ? http || tcp : udp),
    http: (_req: HttpRequest, ctx: ServeContext) => goText(ctx.podName, ctx),
    startupLog: (start) => [goLog(start.startedMs, `Serving on port ${port}.`)],
    requestLog: (_req, _res, ctx) => [
      goLog(ctx.nowMs, `HTTP request from ${ctx.clientIp}:${ctx.clientPort}`),
    ],
  };
}

/** `agnhost netexec [--http-port 8080] [--udp-port 8081]`. */
export function netexecWorkload(args: readonly string[]): Workload {
  const httpPort = Number(flag(args, "http-port") ?? 8080);
  const udpPort = Number(flag(args, "udp-port") ?? 8081);
  return {
    name: "agnhost netexec",
    tools: [],
    listens: (p: number, proto: Protocol) => (proto === "TCP" ? p === httpPort : p === udpPort),
    // The UDP server logs from its goroutine, after main has logged the HTTP server.
    startupLog: (start) => [
      goLog(start.startedMs, `Started HTTP server on port ${httpPort}`),
      ...(udpPort === -1 ? [] : [goLog(start.startedMs, `Started UDP server on port  ${udpPort}`)]),
    ],
    requestLog: (req, _res, ctx) => [goLog(ctx.nowMs, netexecLogLine(req.path))],
    http(req: HttpRequest, ctx: ServeContext): HttpResponse {
      const [path = "/", query = ""] = req.path.split("?");
      switch (path) {
        case "/hostname":
        case "/hostName":
          return goText(ctx.podName, ctx);
        case "/clientip":
          return goText(`${ctx.clientIp}:${ctx.clientPort}`, ctx);
        case "/echo":
          return goText(queryParam(query, "msg"), ctx);
        case "/healthz":
          return goText("", ctx);
        default:
          return goText(`NOW: ${goTimeNow(ctx.nowMs, ctx.startedMs)}`, ctx);
      }
    },
  };
}

/** What each netexec handler logs (`rootHandler` answers every path no other handler takes). */
function netexecLogLine(target: string): string {
  const [path = "/", query = ""] = target.split("?");
  switch (path) {
    case "/hostname":
    case "/hostName":
    case "/clientip":
    case "/healthz":
      return `GET ${path}`;
    case "/echo":
      return `GET /echo?msg=${queryParam(query, "msg")}&code=${queryParam(query, "code")}`;
    default:
      return "GET /";
  }
}

/** Picks the agnhost subcommand from the container's command and args. */
export function agnhostWorkload(argv: readonly string[]): Workload {
  const i = argv.findIndex((a) => a === "serve-hostname" || a === "netexec");
  const rest = i >= 0 ? argv.slice(i + 1) : [];
  if (argv[i] === "serve-hostname") return serveHostnameWorkload(rest);
  if (argv[i] === "netexec") return netexecWorkload(rest);
  return { name: "agnhost", tools: [], listens: () => false };
}
