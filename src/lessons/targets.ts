/** A lesson's `from`/`to` → the engine's SendRequest, resolved against the current view. */
import type { PacketSource, SendRequest } from "../engine/net/contract";
import type { ServiceView, TopologyView } from "../engine/view/topology";
import type { LessonSend } from "./types";

/** `pod:NAMESPACE/NAME`, `node:NAME` or `external`. */
export function lessonSource(from: string): PacketSource {
  if (from.startsWith("pod:")) {
    const [namespace = "default", name = ""] = from.slice(4).split("/");
    return { type: "pod", namespace, name };
  }
  if (from.startsWith("node:")) return { type: "node", node: from.slice(5) };
  return { type: "external" };
}

/**
 * `node:NAME:PORT` becomes the node's InternalIP and the port, and
 * `service:[NAMESPACE/]NAME[:PORT]` the Service's ClusterIP and port (its
 * first when none is given), read from the view: the engine allocates
 * addresses, the lesson must not guess them (and a client outside the
 * cluster cannot resolve a Service's name). Anything else goes to the engine
 * as written.
 */
export function lessonTarget(to: string, view: TopologyView | null): string {
  const svc = /^service:(?:([^/:]+)\/)?([^/:]+)(?::(\d+))?$/.exec(to);
  if (svc) {
    const [, namespace = "default", name, port] = svc;
    const service = view?.services.find((s) => s.name === name && s.namespace === namespace);
    if (!service || service.headless || !service.clusterIP)
      throw new Error(`no Service "${namespace}/${name}" with a ClusterIP`);
    return `${service.clusterIP}:${port ?? service.ports[0]?.port ?? 80}`;
  }
  const m = /^node:([^:]+):(\d+)$/.exec(to);
  if (!m) return to;
  const node = view?.nodes.find((n) => n.name === m[1]);
  if (!node?.internalIP) throw new Error(`no node named "${m[1]}" in the cluster`);
  return `${node.internalIP}:${m[2]}`;
}

export function lessonRequest(send: LessonSend, view: TopologyView | null): SendRequest {
  return { from: lessonSource(send.from), target: lessonTarget(send.to, view) };
}

/**
 * The Service a target names: by name (`web`, `web.shop`, an FQDN, with or
 * without `:port`), by ClusterIP, or by a node's IP and a NodePort.
 */
export function serviceForTarget(target: string, view: TopologyView | null): ServiceView | undefined {
  if (!view) return undefined;
  const hostPort = /^(.*?)(?::(\d+))?$/.exec(target.replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, ""));
  const host = hostPort?.[1] ?? target;
  const port = hostPort?.[2] ? Number(hostPort[2]) : undefined;
  const [name, namespace = "default"] = host.split(".");
  const byName = view.services.find((s) => s.name === name && s.namespace === namespace);
  if (byName) return byName;
  const byIP = view.services.find(
    (s) => s.clusterIP === host || s.loadBalancerIPs.includes(host) || s.externalIPs.includes(host),
  );
  if (byIP) return byIP;
  if (port !== undefined && view.nodes.some((n) => n.internalIP === host)) {
    return view.services.find((s) => s.ports.some((p) => p.nodePort === port));
  }
  return undefined;
}
