/**
 * `curl`: sends the connection through the packet pipeline and prints what
 * curl 8 prints — the verbose `*`/`>`/`<` lines on stderr, the body on
 * stdout, curl's own error lines and exit codes. Returns the Trace as data.
 *
 * NOTE: we emulate curl 8.14.1 (a recent netshoot image); the `-v` lines
 * changed across 7.x/8.x releases.
 */
import type { Trace } from "../../net/types";
import { serveHttp } from "../../workloads/containerLog";
import type { HttpRequest, HttpResponse } from "../../workloads/types";
import type { Command, CommandResult } from "../types";
import { parseCurlArgs, parseUrl } from "./curlArgs";
import { closeConnection, sourceOf } from "./netEnv";

export const CURL_VERSION = "8.14.1";

/** curl's `-m` failure line, with the milliseconds it reports (one past the limit). */
function timeoutLine(sec: number | undefined, ip: string, port: number): string {
  if (sec !== undefined) return `Connection timed out after ${Math.round(sec * 1000) + 1} milliseconds`;
  // NOTE: without -m, the kernel gives up after tcp_syn_retries=6 (about 130 s).
  return `Failed to connect to ${ip} port ${port} after 130001 ms: Couldn't connect to server`;
}

export const curl: Command = (args, env) => {
  const o = parseCurlArgs(args);
  if (o.error)
    return {
      stdout: "",
      stderr: `${o.error}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
      exitCode: 2,
    };
  if (!o.url)
    return {
      stdout: "",
      stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    };
  const url = parseUrl(o.url);
  if (!url) return { stdout: "", stderr: `curl: (3) URL rejected: Bad hostname\n`, exitCode: 3 };
  const bind = o.localPort && o.localPort.from > 0 ? o.localPort : undefined;
  const trace = env.net.send({
    from: sourceOf(env),
    target: url.host,
    port: url.port,
    proto: "TCP",
    ...(bind ? { sport: bind.from, sportTries: bind.tries } : {}),
  });
  const out = new CurlOutput(o.verbose, o.silent && !o.showError);
  const connected = trace.hops.find((h) => h.direction === "request")?.packet;
  const ip = connected?.dst ?? url.host;
  const isName = ip !== url.host;
  const fail = (code: number, msg: string): CommandResult => {
    out.err(`curl: (${code}) ${msg}`);
    return out.result(code, trace, o.writeOut?.replace("%{http_code}", "000"));
  };
  if (trace.verdict === "nxdomain") {
    out.v(`* Could not resolve host: ${url.host}`, "* shutting down connection #0");
    return fail(6, `Could not resolve host: ${url.host}`);
  }
  if (isName) out.v(`* Host ${url.host}:${url.port} was resolved.`, "* IPv6: (none)", `* IPv4: ${ip}`);
  out.v(`*   Trying ${ip}:${url.port}...`);
  if (bind) {
    // bindlocal (lib/cf-socket.c): each port held is reported, then the one bound or the failure.
    const bound = trace.says?.key === "trace.portInUse" ? undefined : connected?.sport;
    const last = bound ?? bind.from + bind.tries - 1;
    for (let p = bind.from; p < last; p++) out.v(`* Bind to local port ${p} failed, trying next`);
    if (bound === undefined) {
      const msg = "bind failed with errno 98: Address already in use";
      out.v(`* ${msg}`, "* closing connection #0");
      return fail(45, msg);
    }
    out.v(`* Local port: ${bound}`);
  }
  if (trace.verdict === "rejected") {
    const msg = `Failed to connect to ${ip} port ${url.port} after 0 ms: Couldn't connect to server`;
    out.v(
      `* connect to ${ip} port ${url.port} from ${trace.source.ip} port ${connected?.sport} failed: Connection refused`,
      `* ${msg}`,
      "* closing connection #0",
    );
    return fail(7, msg);
  }
  const backend = trace.backend;
  const pod = backend ? env.cluster.store.get("Pod", backend.namespace, backend.pod) : undefined;
  if (trace.verdict !== "delivered" || (!backend && !trace.hops.some((h) => h.stage === "socket"))) {
    const line = timeoutLine(o.maxTimeSec, ip, url.port);
    out.v(`* ${line}`, "* closing connection #0");
    return fail(28, line);
  }
  out.v(`* Connected to ${url.host} (${ip}) port ${url.port}`, "* using HTTP/1.x");
  const headers: [string, string][] = [
    ["Host", url.port === 80 ? url.host : `${url.host}:${url.port}`],
    ["User-Agent", `curl/${CURL_VERSION}`],
    ["Accept", "*/*"],
  ];
  for (const h of o.headers) {
    const [k = "", ...v] = h.split(":");
    const i = headers.findIndex(([name]) => name.toLowerCase() === k.trim().toLowerCase());
    if (i >= 0) headers.splice(i, 1);
    headers.push([k.trim(), v.join(":").trim()]);
  }
  const req: HttpRequest = { method: o.head ? "HEAD" : "GET", path: url.path, host: url.host, headers };
  out.v(
    `> ${req.method} ${req.path} HTTP/1.1`,
    ...headers.map(([k, v]) => `> ${k}: ${v}`),
    "> ",
    "* Request completely sent off",
  );
  const socket = trace.hops.find((h) => h.stage === "socket")?.packet;
  const res =
    pod && backend
      ? serveHttp(
          env.cluster.logs,
          pod,
          env.cluster.store.get("Node", undefined, pod.spec?.nodeName ?? ""),
          req,
          {
            clientIp: socket?.src ?? trace.source.ip,
            clientPort: socket?.sport ?? 0,
            localPort: backend.port,
            nowMs: env.cluster.clock.now(),
          },
        )
      : undefined;
  if (!res) {
    out.v("* Empty reply from server", "* shutting down connection #0");
    return fail(52, "Empty reply from server");
  }
  out.v(`< HTTP/1.1 ${res.status} ${res.reason}`, ...res.headers.map(([k, v]) => `< ${k}: ${v}`), "< ");
  if (o.head) out.body(headBlock(res));
  else if (o.output !== "/dev/null") out.body(res.body);
  out.v(`* Connection #0 to host ${url.host} left intact`);
  closeConnection(env, trace);
  return out.result(0, trace, o.writeOut?.replace("%{http_code}", String(res.status)));
};

function headBlock(res: HttpResponse): string {
  return `HTTP/1.1 ${res.status} ${res.reason}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
}

/** Collects curl's two streams, and their interleaving as a terminal shows it. */
class CurlOutput {
  private stdout = "";
  private stderr = "";
  private display = "";
  constructor(
    private readonly verbose: boolean,
    private readonly quiet: boolean,
  ) {}
  v(...lines: string[]): void {
    if (this.verbose) for (const l of lines) this.write("stderr", `${l}\n`);
  }
  err(line: string): void {
    if (!this.quiet) this.write("stderr", `${line}\n`);
  }
  body(text: string): void {
    this.write("stdout", text);
  }
  result(exitCode: number, trace: Trace, writeOut?: string): CommandResult {
    if (writeOut) this.write("stdout", writeOut);
    return {
      stdout: this.stdout,
      stderr: this.stderr,
      display: this.display,
      exitCode,
      effects: [{ type: "trace", trace }],
    };
  }
  private write(stream: "stdout" | "stderr", text: string): void {
    this[stream] += text;
    this.display += text;
  }
}
