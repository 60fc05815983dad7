/**
 * The engine's whole public surface. The worker exposes exactly this, the
 * CLI calls it directly, and so do the tests.
 */
import { ApiServer } from "./api/apiserver";
import { bootstrapCluster } from "./api/bootstrap";
import type { IpvsScheduler, ProxyMode } from "./api/configTypes";
import type { ApiError, ApplyResult, ManifestDocument } from "./api/contract";
import { ApiStatusError } from "./api/contract";
import { parseManifests } from "./api/manifest";
import type { LookupExperimentOptions, LookupProgress, LookupRow } from "./bench/contract";
import { lookupExperiment } from "./bench/experiment";
import { Cluster, defaultClusterConfig } from "./cluster";
import type { Controllers } from "./controllers";
import { installControllers } from "./controllers";
import { ClusterDns } from "./dns/resolver";
import type { BurstResult } from "./net/burst";
import { summarizeBurst } from "./net/burst";
import type { SendRequest } from "./net/contract";
import type { FoldedRules } from "./net/foldStore";
import type { FoldRef } from "./net/hopWalk";
import { Network } from "./net/network";
import type { Trace } from "./net/types";
import { createProxyModes } from "./proxy/modes";
import { ProxyRuntime } from "./proxy/runtime";
import { loadShellAssets, type ShellAssets } from "./shell/assets";
import { buildCommands, podFiles } from "./shell/commands";
import { complete } from "./shell/complete";
import { imageProfile, NODE_TOOLS } from "./shell/images";
import type { ShellOutput } from "./shell/shell";
import { Shell } from "./shell/shell";
import { DEFAULT_EPOCH_MS } from "./util/clock";
import type { TopologyView } from "./view/topology";
import { topologyView } from "./view/topology";

/** Services the view carries at most (the diagram draws fewer; the count says how many exist). */
const VIEW_SERVICES = 500;

/** Traces a burst returns for animation; the tally covers every connection. */
const BURST_TRACES = 50;

export interface SimulationOptions {
  /** Seeds every random choice; the same seed and inputs replay exactly. */
  seed?: number;
  /** The virtual clock's start, in ms since the epoch. */
  startTime?: number;
}

export interface ManifestFile {
  name: string;
  text: string;
}

export interface ApplyReport {
  results: ApplyResult[];
  errors: ApiError[];
}

/** Kinds that describe the cluster itself; on a fresh cluster they rebuild it. */
const CLUSTER_SHAPING_KINDS = new Set([
  "ClusterConfiguration",
  "KubeletConfiguration",
  "KubeProxyConfiguration",
  "Node",
]);

export class Simulation {
  private readonly seed: number;
  private readonly startTime: number;
  private cluster!: Cluster;
  private api!: ApiServer;
  private controllers!: Controllers;
  private dns!: ClusterDns;
  private net!: Network;
  private proxy!: ProxyRuntime;
  private shell!: Shell;
  /** The node shells' files. */
  private readonly files = new Map<string, string>();
  /** True until something beyond the bootstrap has changed the cluster. */
  private pristine = true;
  private bootstrapRevision = 0;
  /** The help texts and schema some commands print from, once loaded. */
  private assets: ShellAssets | undefined;
  private assetsLoading: Promise<void> | undefined;

  constructor(opts: SimulationOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.startTime = opts.startTime ?? DEFAULT_EPOCH_MS;
    this.boot([], []);
  }

  /**
   * Applies manifest files in order, as `kubectl apply -f` would, except
   * that cluster configuration (ClusterConfiguration, KubeletConfiguration,
   * KubeProxyConfiguration, Nodes) given to a fresh cluster rebuilds it
   * with that configuration first. Never throws.
   */
  apply(files: ManifestFile[]): ApplyReport {
    const report: ApplyReport = { results: [], errors: [] };
    const docs: ManifestDocument[] = [];
    for (const file of files) {
      const parsed = parseManifests(file.text, file.name);
      docs.push(...parsed.documents);
      report.errors.push(...parsed.errors);
    }
    let rest = docs;
    if (this.isPristine() && docs.some((d) => CLUSTER_SHAPING_KINDS.has(String(d.object.kind)))) {
      const shaping = docs.filter((d) => CLUSTER_SHAPING_KINDS.has(String(d.object.kind)));
      rest = docs.filter((d) => !CLUSTER_SHAPING_KINDS.has(String(d.object.kind)));
      report.errors.push(
        ...this.boot(
          shaping.filter((d) => d.object.kind !== "Node"),
          shaping.filter((d) => d.object.kind === "Node"),
        ),
      );
      report.results.push(...shaping.map((d) => this.describeBootResult(d)));
    }
    for (const doc of rest) {
      try {
        report.results.push(this.api.apply(doc));
      } catch (e) {
        if (!(e instanceof ApiStatusError)) throw e;
        report.errors.push({ ...e.status, source: e.status.source ?? doc.source });
      }
    }
    this.pristine = false;
    return report;
  }

  /** Runs a command line in the terminal's current shell. */
  run(line: string): ShellOutput {
    const out = this.shell.run(line);
    if (this.cluster.store.resourceVersion !== this.bootstrapRevision) this.pristine = false;
    return out;
  }

  /**
   * Loads the help texts and the Kubernetes schema (`kubectl explain`, `help`, `--help`): a
   * separate chunk in the browser, kept off the start-up path. Hosts call it before running a
   * line for which `needsShellAssets` is true; idempotent.
   */
  loadAssets(): Promise<void> {
    this.assetsLoading ??= loadShellAssets().then((a) => {
      this.assets = a;
    });
    return this.assetsLoading;
  }

  /** The terminal's prompt (`root@kind-control-plane:~#`, `bash-5.1#`). */
  prompt(): string {
    return this.shell.prompt();
  }

  /** Sends one connection and returns its journey. */
  send(request: SendRequest): Trace {
    return this.net.send(request);
  }

  /**
   * The text of a traced hop's folded rules (`FoldStep.ref`, or a part of it:
   * `from` and `count` within it), or undefined once the engine has let the
   * walked rule list go (the last 64 are kept): send the packet again.
   */
  foldedRules(ref: FoldRef): FoldedRules | undefined {
    return this.net.foldedRules(ref);
  }

  /** Sends `count` connections from one source and tallies them per backend, next to what the mode promises. */
  burst(request: SendRequest, count: number): { result: BurstResult; traces: Trace[] } {
    const n = Math.max(1, Math.min(Math.floor(count), 1000));
    const traces: Trace[] = [];
    for (let i = 0; i < n; i++) traces.push(this.net.send(request, { walk: false }));
    return { result: summarizeBurst(this.cluster, traces), traces: traces.slice(0, BURST_TRACES) };
  }

  /** The diagram's view model. */
  view(): TopologyView {
    return topologyView(this.cluster, {
      dataPlaneSize: (node) => this.proxy.dataPlaneFor(node).size(),
      maxServices: VIEW_SERVICES,
    });
  }

  /** Tab completion candidates for the terminal's current line. */
  complete(line: string): string[] {
    const ctx = this.shell.context;
    const pod = ctx.type === "pod" ? this.cluster.store.get("Pod", ctx.namespace, ctx.pod) : undefined;
    const commands =
      ctx.type === "node" ? NODE_TOOLS : imageProfile(pod?.spec?.containers?.[0]?.image ?? "").tools;
    // Paths below the working directory, as bash completes them (`kubernetes-sample/service/web.yaml`).
    const dir = ctx.type === "node" ? `${ctx.cwd.replace(/\/$/, "")}/` : "/";
    const files =
      ctx.type === "node"
        ? [...this.files.keys()].filter((f) => f.startsWith(dir)).map((f) => f.slice(dir.length))
        : [];
    return complete(line, {
      cluster: this.cluster,
      commands: [...commands, "exit", "clear"],
      files,
      namespace: ctx.type === "pod" ? ctx.namespace : "default",
      ...(this.assets ? { schema: this.assets.schema } : {}),
    });
  }

  /**
   * The lookup-cost experiment over synthetic clusters, in steps (a
   * generator): the caller drives it, reports progress and may stop early.
   * `now` is the caller's clock for the simulation's own time per packet.
   */
  lookupExperiment(opts: LookupExperimentOptions, now: () => number): Generator<LookupProgress, LookupRow[]> {
    return lookupExperiment(opts, now);
  }

  /** Switches kube-proxy's mode (and IPVS scheduler); every node's data plane is rebuilt. */
  setProxyMode(mode: ProxyMode, scheduler?: IpvsScheduler): void {
    this.cluster.config = {
      ...this.cluster.config,
      proxyMode: mode,
      ...(scheduler ? { ipvsScheduler: scheduler } : {}),
    };
  }

  /** A readiness probe's verdict for a pod. */
  setPodReady(namespace: string, name: string, ready: boolean): void {
    this.controllers.setPodReady(namespace, name, ready);
    this.cluster.reconcile();
  }

  /** Moves virtual time forward (AGE, timeouts, graceful deletion). */
  advanceClock(ms: number): void {
    this.cluster.clock.advance(ms);
    this.cluster.reconcile();
  }

  /** Puts a file in the node shells' home directory (`kubectl apply -f web.yaml`). */
  writeFile(path: string, text: string): void {
    this.files.set(path.startsWith("/") ? path : `/root/${path}`, text);
  }

  /** Builds a fresh cluster from configuration documents and nodes. */
  private boot(config: ManifestDocument[], nodes: ManifestDocument[]): ApiError[] {
    const errors: ApiError[] = [];
    this.cluster = new Cluster(this.seed, defaultClusterConfig(), this.startTime);
    this.api = new ApiServer(this.cluster);
    for (const doc of config) {
      try {
        this.api.apply(doc);
      } catch (e) {
        if (!(e instanceof ApiStatusError)) throw e;
        errors.push({ ...e.status, source: e.status.source ?? doc.source });
      }
    }
    this.controllers = installControllers(this.cluster);
    bootstrapCluster(this.cluster, this.api, nodes.length ? { nodes: nodes.map((d) => d.object) } : {});
    this.dns = new ClusterDns(this.cluster);
    this.proxy = new ProxyRuntime(this.cluster, createProxyModes());
    this.net = new Network(this.cluster, this.dns, (node) => this.proxy.dataPlaneFor(node));
    const commands = buildCommands(this.proxy);
    const home =
      this.cluster.store
        .list("Node")
        .find((n) => "node-role.kubernetes.io/control-plane" in (n.metadata.labels ?? {})) ??
      this.cluster.store.list("Node")[0];
    this.shell = new Shell(
      {
        cluster: this.cluster,
        api: this.api,
        dns: this.dns,
        net: this.net,
        commands,
        files: this.files,
        podFiles: (pod) => podFiles(this.cluster, this.dns, pod),
        assets: () => this.assets,
      },
      { type: "node", node: home?.metadata.name ?? "localhost", cwd: "/root" },
    );
    this.bootstrapRevision = this.cluster.store.resourceVersion;
    return errors;
  }

  private isPristine(): boolean {
    return this.pristine && this.cluster.store.resourceVersion === this.bootstrapRevision;
  }

  private describeBootResult(doc: ManifestDocument): ApplyResult {
    const kind = String(doc.object.kind) as ApplyResult["kind"];
    const meta = (doc.object.metadata ?? {}) as { name?: string };
    return { kind, resource: kind.toLowerCase(), name: meta.name ?? "", action: "created" };
  }
}
