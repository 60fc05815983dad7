/**
 * What the official nginx image writes to its log: the docker-entrypoint.sh
 * lines (stdout), nginx's notice lines at start (stderr), one access-log line
 * per request in the image's `main` format (stdout, /var/log/nginx/access.log
 * is a link to it) and an error-log line for a file that is not there (stderr).
 * Which lines a tag prints follows docker-nginx's history (see docs/emulation.md).
 */
import type { LogLine } from "./logs";
import type { HttpRequest, HttpResponse, ServeContext, StartContext } from "./types";
import { byteLength } from "./types";

/** True when `version` (x.y.z) is at least `major.minor.patch`. */
export function atLeast(version: string, major: number, minor: number, patch: number): boolean {
  const [a = 0, b = 0, c = 0] = version.split(".").map(Number);
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch;
}

const ENTRYPOINT = "/docker-entrypoint.sh";
const IPV6 = "10-listen-on-ipv6-by-default.sh";

/**
 * The entrypoint's lines. `info:` arrived in 1.19.6, 30-tune-worker-processes.sh in
 * 1.19.7, 15-local-resolvers.envsh in 1.25.1; images before 1.19.0 had no entrypoint scripts.
 */
function entrypointLines(version: string): string[] {
  if (!atLeast(version, 1, 19, 0)) return [];
  const info = atLeast(version, 1, 19, 6) ? "info: " : "";
  return [
    `${ENTRYPOINT}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${ENTRYPOINT}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${ENTRYPOINT}: Launching /docker-entrypoint.d/${IPV6}`,
    `${IPV6}: ${info}Getting the checksum of /etc/nginx/conf.d/default.conf`,
    `${IPV6}: ${info}Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`,
    ...(atLeast(version, 1, 25, 1)
      ? [`${ENTRYPOINT}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`]
      : []),
    `${ENTRYPOINT}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
    ...(atLeast(version, 1, 19, 7)
      ? [`${ENTRYPOINT}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`]
      : []),
    `${ENTRYPOINT}: Configuration complete; ready for start up`,
  ];
}

/** The compiler nginx.org's Debian packages were built with: buster, then bullseye (1.20.2, 1.21.3), then bookworm (1.25.1). */
function compiler(version: string): string {
  if (atLeast(version, 1, 25, 1)) return "gcc 12.2.0 (Debian 12.2.0-14) ";
  if (atLeast(version, 1, 21, 3) || (atLeast(version, 1, 20, 2) && !atLeast(version, 1, 21, 0)))
    return "gcc 10.2.1 20210110 (Debian 10.2.1-6) ";
  return "gcc 8.3.0 (Debian 8.3.0-6) ";
}

/**
 * The packaged nginx.conf logs at `notice` and runs `worker_processes auto` from 1.20.0
 * (`warn` and one worker before).
 * NOTE: the boundary is inferred from published logs (1.19.x images print no notice lines,
 * 1.20.x ones do); the packaging change may have reached 1.19.10 already.
 */
export function logsNotice(version: string): boolean {
  return atLeast(version, 1, 20, 0);
}

/**
 * The PID of the first worker: the entrypoint's scripts used the PIDs before it.
 * NOTE: real PIDs vary with the scripts and the runtime; these are the common values
 * of published logs (29 with the local-resolvers script, 31 before).
 */
export function firstWorkerPid(version: string): number {
  if (!logsNotice(version)) return 29;
  return atLeast(version, 1, 25, 1) ? 29 : 31;
}

/** nginx's error-log time: `2025/04/16 12:01:11` (the container's local time, UTC). */
function errorLogTime(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 10).replace(/-/g, "/")} ${d.slice(11, 19)}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `$time_local`: `16/Apr/2025:12:01:11 +0000`. */
export function timeLocal(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** What an nginx container prints when it starts. */
export function nginxStartupLog(version: string, start: StartContext): LogLine[] {
  const lines: LogLine[] = entrypointLines(version).map((text) => ({ stream: "stdout", text }));
  if (!logsNotice(version)) return lines;
  const t = errorLogTime(start.startedMs);
  const notice = (text: string): LogLine => ({ stream: "stderr", text: `${t} [notice] 1#1: ${text}` });
  const first = firstWorkerPid(version);
  lines.push(
    notice('using the "epoll" event method'),
    notice(`nginx/${version}`),
    notice(`built by ${compiler(version)}`),
    notice(`OS: Linux ${start.kernelVersion}`),
    notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
    notice("start worker processes"),
  );
  for (let i = 0; i < Math.max(1, start.cpus); i++) lines.push(notice(`start worker process ${first + i}`));
  return lines;
}

/** A header's value as nginx's `$http_*` variables read it, `-` when absent. */
function header(req: HttpRequest, name: string): string {
  return req.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? "-";
}

/**
 * One request's lines: for a missing file, the error log's `open() … failed` line
 * (written while the request runs), then the access log's line in the image's `main` format:
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
 * "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`.
 */
export function nginxRequestLog(
  version: string,
  req: HttpRequest,
  res: HttpResponse,
  ctx: ServeContext,
): LogLine[] {
  const request = `${req.method} ${req.path} HTTP/1.1`;
  const lines: LogLine[] = [];
  if (res.status === 404) {
    const file = `/usr/share/nginx/html${req.path.split("?")[0]}`;
    const pid = firstWorkerPid(version);
    lines.push({
      stream: "stderr",
      text: `${errorLogTime(ctx.nowMs)} [error] ${pid}#${pid}: *${ctx.connection} open() "${file}" failed (2: No such file or directory), client: ${ctx.clientIp}, server: localhost, request: "${request}", host: "${header(req, "host")}"`,
    });
  }
  const bytes = req.method === "HEAD" ? 0 : byteLength(res.body);
  lines.push({
    stream: "stdout",
    text: `${ctx.clientIp} - - [${timeLocal(ctx.nowMs)}] "${request}" ${res.status} ${bytes} "${header(req, "referer")}" "${header(req, "user-agent")}" "${header(req, "x-forwarded-for")}"`,
  });
  return lines;
}
