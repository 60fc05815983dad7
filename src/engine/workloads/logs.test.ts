import { describe, expect, it } from "vitest";
import { goLog, netexecWorkload, serveHostnameWorkload } from "./agnhost";
import { ContainerLogs, LOG_CONTAINERS, LOG_RING_LINES, rfc3339Nano } from "./logs";
import { nginxRequestLog, nginxStartupLog, timeLocal } from "./nginxLog";
import { scriptStartupLog, shellScript } from "./script";

const start = {
  podName: "web-0",
  startedMs: Date.UTC(2026, 0, 5, 9),
  cpus: 2,
  kernelVersion: "6.8.0-60-generic",
};
const texts = (lines: { text: string }[]) => lines.map((l) => l.text);
const ctx = {
  podName: "web-0",
  clientIp: "10.244.1.5",
  clientPort: 51234,
  localPort: 80,
  nowMs: Date.UTC(2026, 0, 5, 9, 30, 7),
  startedMs: start.startedMs,
  connection: 3,
};
const req = (method: string, path: string) => ({
  method,
  path,
  host: "web",
  headers: [
    ["Host", "web"],
    ["User-Agent", "curl/8.14.1"],
  ] as [string, string][],
});

describe("container logs", () => {
  it("nginx before 1.19 prints nothing at start; 1.19.6 the entrypoint with info: and no notice lines", () => {
    expect(nginxStartupLog("1.18.0", start)).toEqual([]);
    expect(texts(nginxStartupLog("1.19.6", start))).toEqual([
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
      "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
      "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
    ]);
    expect(texts(nginxStartupLog("1.19.2", start))[3]).toBe(
      "10-listen-on-ipv6-by-default.sh: Getting the checksum of /etc/nginx/conf.d/default.conf",
    );
  });

  it("nginx 1.27 adds local resolvers, worker tuning and the notice lines on stderr, one worker per CPU", () => {
    const lines = nginxStartupLog("1.27.5", start);
    expect(texts(lines).slice(5, 9)).toEqual([
      "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
    ]);
    expect(lines.slice(9)).toEqual(
      [
        '2026/01/05 09:00:00 [notice] 1#1: using the "epoll" event method',
        "2026/01/05 09:00:00 [notice] 1#1: nginx/1.27.5",
        "2026/01/05 09:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ",
        "2026/01/05 09:00:00 [notice] 1#1: OS: Linux 6.8.0-60-generic",
        "2026/01/05 09:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
        "2026/01/05 09:00:00 [notice] 1#1: start worker processes",
        "2026/01/05 09:00:00 [notice] 1#1: start worker process 29",
        "2026/01/05 09:00:00 [notice] 1#1: start worker process 30",
      ].map((text) => ({ stream: "stderr", text })),
    );
    expect(texts(nginxStartupLog("1.21.6", start))).toContain(
      "2026/01/05 09:00:00 [notice] 1#1: built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ",
    );
  });

  it("nginx logs each request in the image's main format, and a missing file on the error log first", () => {
    const ok = { status: 200, reason: "OK", headers: [], body: "x".repeat(615) };
    expect(nginxRequestLog("1.27.5", req("GET", "/"), ok, ctx)).toEqual([
      {
        stream: "stdout",
        text: '10.244.1.5 - - [05/Jan/2026:09:30:07 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.14.1" "-"',
      },
    ]);
    expect(texts(nginxRequestLog("1.27.5", req("HEAD", "/"), ok, ctx))[0]).toContain(
      '"HEAD / HTTP/1.1" 200 0 ',
    );
    const missing = { status: 404, reason: "Not Found", headers: [], body: "é" };
    expect(texts(nginxRequestLog("1.27.5", req("GET", "/a?b=1"), missing, ctx))).toEqual([
      '2026/01/05 09:30:07 [error] 29#29: *3 open() "/usr/share/nginx/html/a" failed (2: No such file or directory), client: 10.244.1.5, server: localhost, request: "GET /a?b=1 HTTP/1.1", host: "web"',
      '10.244.1.5 - - [05/Jan/2026:09:30:07 +0000] "GET /a?b=1 HTTP/1.1" 404 2 "-" "curl/8.14.1" "-"',
    ]);
    expect(timeLocal(Date.UTC(2021, 1, 3, 4, 5, 6))).toBe("03/Feb/2021:04:05:06 +0000");
  });

  it("agnhost logs with Go's log package, as serve-hostname and netexec do", () => {
    const sh = serveHostnameWorkload([]);
    expect(sh.startupLog?.(start)).toEqual([goLog(start.startedMs, "Serving on port 9376.")]);
    expect(
      texts(
        sh.requestLog?.(req("GET", "/"), { status: 200, reason: "OK", headers: [], body: "" }, ctx) ?? [],
      ),
    ).toEqual(["2026/01/05 09:30:07 HTTP request from 10.244.1.5:51234"]);
    const ne = netexecWorkload(["--http-port=8080"]);
    expect(texts(ne.startupLog?.(start) ?? [])).toEqual([
      "2026/01/05 09:00:00 Started HTTP server on port 8080",
      "2026/01/05 09:00:00 Started UDP server on port  8081",
    ]);
    const res = { status: 200, reason: "OK", headers: [], body: "" };
    const line = (path: string) => texts(ne.requestLog?.(req("GET", path), res, ctx) ?? [])[0];
    expect(line("/clientip")).toBe("2026/01/05 09:30:07 GET /clientip");
    expect(line("/echo?msg=a+b")).toBe("2026/01/05 09:30:07 GET /echo?msg=a b&code=");
    expect(line("/anything")).toBe("2026/01/05 09:30:07 GET /");
    expect(netexecWorkload(["--udp-port=-1"]).startupLog?.(start)).toHaveLength(1);
  });

  it("a short sh -c script prints its echo and date lines up to the first other statement", () => {
    const argv = ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster; sleep 3600; echo later"];
    expect(texts(scriptStartupLog(shellScript(argv) ?? "", start.startedMs))).toEqual([
      "Mon Jan  5 09:00:00 UTC 2026",
      "Hello from the Kubernetes cluster",
    ]);
    expect(shellScript(["sleep", "infinity"])).toBeUndefined();
    expect(texts(scriptStartupLog(`echo "a  b" 'c'`, 0))).toEqual(["a  b c"]);
  });

  it("keeps the last lines of each container, timestamps increasing within a millisecond", () => {
    const logs = new ContainerLogs();
    for (let i = 0; i < LOG_RING_LINES + 5; i++)
      logs.write("u/c", 1000, [{ stream: "stdout", text: `line ${i}` }]);
    const kept = logs.read("u/c");
    expect(kept).toHaveLength(LOG_RING_LINES);
    expect(kept[0]?.text).toBe("line 5");
    expect(logs.written("u/c")).toBe(LOG_RING_LINES + 5);
    for (let i = 1; i < 50; i++) expect(kept[i]!.ns).toBeGreaterThanOrEqual(kept[i - 1]!.ns);
    for (let i = 0; i <= LOG_CONTAINERS; i++) logs.write(`p${i}/c`, 0, [{ stream: "stdout", text: "x" }]);
    expect(logs.read("u/c")).toEqual([]);
    expect(logs.nextConnection("p1/c")).toBe(1);
    expect(logs.nextConnection("p1/c")).toBe(2);
  });

  it("formats RFC3339Nano as Go does, trailing zeros dropped", () => {
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9), 123_400)).toBe("2026-01-05T09:00:00.0001234Z");
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9, 0, 0, 120), 0)).toBe("2026-01-05T09:00:00.12Z");
    expect(rfc3339Nano(Date.UTC(2026, 0, 5, 9), 0)).toBe("2026-01-05T09:00:00Z");
  });
});
