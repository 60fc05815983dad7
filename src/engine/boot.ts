/**
 * A fresh simulated cluster and everything around it (API server, controllers, DNS, kube-proxy's
 * data planes, the network, the terminal), built from configuration documents and Nodes.
 */
import { ApiServer } from "./api/apiserver";
import { bootstrapCluster } from "./api/bootstrap";
import type { ApiError } from "./api/contract";
import { ApiStatusError } from "./api/contract";
import { decodeForKind } from "./api/decode/admit";
import { Cluster, defaultClusterConfig } from "./cluster";
import type { Controllers } from "./controllers";
import { installControllers } from "./controllers";
import { ClusterDns } from "./dns/resolver";
import type { RecordedDocument } from "./journal";
import { Network } from "./net/network";
import { createProxyModes } from "./proxy/modes";
import { ProxyRuntime } from "./proxy/runtime";
import type { ShellAssets } from "./shell/assets";
import { buildCommands, podFiles } from "./shell/commands";
import { Shell } from "./shell/shell";

/** What a Simulation is made of; a boot builds a new set. */
export interface SimulationParts {
  cluster: Cluster;
  api: ApiServer;
  controllers: Controllers;
  dns: ClusterDns;
  proxy: ProxyRuntime;
  net: Network;
  shell: Shell;
  /** The store's resourceVersion right after the boot (a cluster still fresh has not moved on). */
  bootstrapRevision: number;
}

/** What a boot keeps from the simulation hosting it. */
export interface BootHost {
  /** The node shells' files, kept across boots. */
  files: Map<string, string>;
  /** The help texts and schema some commands print from, once the host has loaded them. */
  assets: () => ShellAssets | undefined;
}

/**
 * Boots a cluster: configuration documents applied first (refusals reported), then the Nodes,
 * each decoded and created on its own (a bad one is refused, the others boot), then kind's
 * defaults for what was not given. Throws only on an engine bug.
 */
export function bootParts(
  seed: number,
  startTime: number,
  host: BootHost,
  config: readonly RecordedDocument[],
  nodes: readonly RecordedDocument[],
): { parts: SimulationParts; errors: ApiError[] } {
  const errors: ApiError[] = [];
  const cluster = new Cluster(seed, defaultClusterConfig(), startTime);
  const api = new ApiServer(cluster);
  for (const doc of config) {
    try {
      api.apply(doc);
    } catch (e) {
      if (!(e instanceof ApiStatusError)) throw e;
      errors.push({ ...e.status, source: e.status.source ?? doc.source });
    }
  }
  const controllers = installControllers(cluster);
  const admitted: RecordedDocument[] = [];
  for (const doc of nodes) {
    const decoded = decodeForKind(api.decodeSchema, "Node", "v1", doc.object);
    if (decoded.ok) admitted.push({ ...doc, object: decoded.object });
    else if ("badRequest" in decoded) {
      errors.push({
        reason: "BadRequest",
        message: `Error from server (BadRequest): error when creating "${doc.source.file}": ${decoded.badRequest}`,
        source: doc.source,
        kind: "Node",
      });
    }
  }
  bootstrapCluster(
    cluster,
    api,
    admitted.length
      ? {
          nodes: admitted.map((d) => d.object),
          onRefused: (i, e) => {
            const source = admitted[i]?.source;
            const file = source ? `error when creating "${source.file}": ` : "";
            const message = e.status.message.replace(/^(Error from server \([A-Za-z]+\): )/, `$1${file}`);
            errors.push({ ...e.status, message, ...(source ? { source } : {}) });
          },
        }
      : {},
  );
  return { parts: assembleParts(cluster, api, controllers, host), errors };
}

/** The DNS, data planes, network and terminal around a cluster whose controllers are installed. */
export function assembleParts(
  cluster: Cluster,
  api: ApiServer,
  controllers: Controllers,
  host: BootHost,
): SimulationParts {
  const dns = new ClusterDns(cluster);
  const proxy = new ProxyRuntime(cluster, createProxyModes());
  const net = new Network(cluster, dns, (node) => proxy.dataPlaneFor(node));
  const home =
    cluster.store
      .list("Node")
      .find((n) => "node-role.kubernetes.io/control-plane" in (n.metadata.labels ?? {})) ??
    cluster.store.list("Node")[0];
  const shell = new Shell(
    {
      cluster,
      api,
      dns,
      net,
      commands: buildCommands(proxy),
      files: host.files,
      podFiles: (pod) => podFiles(cluster, dns, pod),
      assets: host.assets,
    },
    { type: "node", node: home?.metadata.name ?? "localhost", cwd: "/root" },
  );
  return {
    cluster,
    api,
    controllers,
    dns,
    proxy,
    net,
    shell,
    bootstrapRevision: cluster.store.resourceVersion,
  };
}
