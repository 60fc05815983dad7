/**
 * Which behaviour a container gets, by image. Ports come from here, not
 * from `containerPort`: in Kubernetes `containerPort` is informational —
 * a process listens where it listens, declared or not, and declaring a
 * port opens nothing.
 */
import type { Pod } from "../api/types";
import type { Protocol } from "../net/types";
import { agnhostWorkload } from "./agnhost";
import { imageBaseName, parseImage } from "./image";
import { nginxWorkload } from "./nginx";
import { scriptStartupLog, shellScript } from "./script";
import type { HttpRequest, HttpResponse, ServeContext, Workload } from "./types";
import { byteLength, httpDate } from "./types";

/** A container spec's fields that decide its behaviour. */
export interface ContainerLike {
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort: number; protocol?: string }[];
}

const NETSHOOT_TOOLS = [
  "curl",
  "dig",
  "nslookup",
  "host",
  "ip",
  "conntrack",
  "iptables",
  "ipvsadm",
  "wget",
  "ping",
];

/** The workload an image (and its command/args) runs. Unknown images listen on nothing. */
export function workloadFor(container: ContainerLike): Workload {
  const workload = imageWorkload(container);
  const script = shellScript([...(container.command ?? []), ...(container.args ?? [])]);
  if (script === undefined || workload.startupLog) return workload;
  return { ...workload, startupLog: (start) => scriptStartupLog(script, start.startedMs) };
}

function imageWorkload(container: ContainerLike): Workload {
  const ref = parseImage(container.image ?? "");
  const base = imageBaseName(ref);
  switch (base) {
    case "nginx":
      return nginxWorkload(ref.tag);
    case "agnhost":
      return agnhostWorkload([...(container.command ?? []), ...(container.args ?? [])]);
    case "netshoot":
      // NOTE: the prompt is bash 5.1's, as the seed lesson shows; newer netshoot images ship bash 5.2.
      return {
        name: "netshoot",
        tools: NETSHOOT_TOOLS,
        shell: { path: "/bin/bash", prompt: "bash-5.1# " },
        listens: () => false,
      };
    case "busybox":
      return {
        name: "busybox",
        tools: ["wget", "nslookup", "ping"],
        shell: { path: "/bin/sh", prompt: "/ # " },
        listens: () => false,
      };
    case "coredns":
      return {
        name: "coredns",
        tools: [],
        listens: (port: number, proto: Protocol) =>
          port === 53 || (proto === "TCP" && [8080, 8181, 9153].includes(port)),
      };
    case "httpd":
      return {
        name: "httpd",
        tools: [],
        shell: { path: "/bin/bash", prompt: "root@{hostname}:/usr/local/apache2# " },
        listens: (p, proto) => p === 80 && proto === "TCP",
        http: httpdAnswer,
      };
    default:
      return { name: base || "unknown", tools: [], listens: () => false, unknown: true };
  }
}

function httpdAnswer(_req: HttpRequest, ctx: ServeContext): HttpResponse {
  const body = "<html><body><h1>It works!</h1></body></html>\n";
  return {
    status: 200,
    reason: "OK",
    headers: [
      ["Date", httpDate(ctx.nowMs)],
      ["Server", "Apache/2.4.62 (Unix)"],
      ["Content-Type", "text/html"],
      ["Content-Length", String(byteLength(body))],
    ],
    body,
  };
}

/** Whether a container declares `port`/`proto` (`containerPort`; the protocol defaults to TCP). */
export function declares(container: ContainerLike, port: number, proto: Protocol): boolean {
  return (container.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? "TCP") === proto);
}

/**
 * The first container of a pod that listens on `port`/`proto`, and its workload. With
 * `declaredPorts` (an imported cluster, whose own images Packetwalk cannot know), a container of
 * an image it does not model listens on the ports it declares.
 */
export function listenerOf(
  pod: Pod,
  port: number,
  proto: Protocol,
  declaredPorts = false,
): Workload | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const w = workloadFor(c);
    if (w.listens(port, proto) || (declaredPorts && w.unknown && declares(c, port, proto))) return w;
  }
  return undefined;
}
