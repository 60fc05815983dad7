/**
 * The engine's whole public surface. The worker exposes exactly this, the
 * CLI calls it directly, and so do the tests.
 */
import type { ApiServer } from "./api/apiserver";
import type { IpvsScheduler, ProxyMode } from "./api/configTypes";
import type { ApiError, ApplyResult, ManifestDocument } from "./api/contract";
import { ApiStatusError } from "./api/contract";
import type { ImportProgressListener } from "./api/import/progress";
import type { RedactResult } from "./api/import/redact";
import type { ImportReport } from "./api/import/report";
import { KINDS } from "./api/kinds";
import { parseManifests } from "./api/manifest";
import type { AnyObject } from "./api/types";
import type { LookupExperimentOptions, LookupProgress, LookupRow } from "./bench/contract";
import { bootParts, type SimulationParts } from "./boot";
import type { Cluster } from "./cluster";
import type { Controllers } from "./controllers";
import { type NoEndpointsAnswer, whyNoEndpoints } from "./controllers/endpointslice/whyNoEndpoints";
import type { ClusterDns } from "./dns/resolver";
import type { Operation, RecordedDocument } from "./journal";
import { emptyView, failedTrace, internalError, recorded } from "./journal";
import type { BurstResult } from "./net/burst";
import { BURST_TRACES, sendBurst, summarizeBurst } from "./net/burst";
import type { SendRequest } from "./net/contract";
import type { FoldedRules } from "./net/foldStore";
import type { FoldRef } from "./net/hopWalk";
import type { Network } from "./net/network";
import type { Trace } from "./net/types";
import type { ProxyRuntime } from "./proxy/runtime";
import { loadShellAssets, type ShellAssets } from "./shell/assets";
import { complete } from "./shell/complete";
import { imageProfile, NODE_TOOLS } from "./shell/images";
import type { Shell, ShellOutput } from "./shell/shell";
import { DEFAULT_EPOCH_MS } from "./util/clock";
import type { TopologyView } from "./view/topology";
import { topologyView } from "./view/topology";

/** Services the view carries at most (the diagram draws fewer; the count says how many exist). */
const VIEW_SERVICES = 500;

/** Connections one burst sends at most. */
const MAX_BURST = 1000;

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
  /** False once an apply has run: configuration no longer rebuilds the cluster. */
  private pristine = true;
  private bootstrapRevision = 0;
  /** The help texts and schema some commands print from, once loaded. */
  private assets: ShellAssets | undefined;
  private assetsLoading: Promise<void> | undefined;
  /** Every state-changing call so far, replayed to undo a call that hit an engine bug. */
  private journal: Operation[] = [];
  /** The cluster importer, once an import has loaded it. */
  private importer: typeof import("./api/import/importCluster") | undefined;
  /** The last view model built, answered again if building a new one fails. */
  private lastView: TopologyView | undefined;

  constructor(opts: SimulationOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.startTime = opts.startTime ?? DEFAULT_EPOCH_MS;
    this.boot([], []);
  }

  /**
   * Applies manifest files in order, as `kubectl apply -f` would, except
   * that cluster configuration (ClusterConfiguration, KubeletConfiguration,
   * KubeProxyConfiguration, Nodes) given to a fresh cluster rebuilds it
   * with that configuration first. Never throws, and each object is applied
   * whole or not at all: a refusal changes nothing, and an engine bug
   * becomes an InternalError with the simulation as it was before that object.
   */
  apply(files: ManifestFile[]): ApplyReport {
    const report: ApplyReport = { results: [], errors: [] };
    const docs: ManifestDocument[] = [];
    for (const file of files) {
      try {
        const parsed = parseManifests(file.text, file.name);
        docs.push(...parsed.documents);
        report.errors.push(...parsed.errors);
      } catch (e) {
        report.errors.push({ ...internalError(e), source: { file: file.name, line: 1 } });
      }
    }
    let rest = docs;
    if (this.isPristine() && docs.some((d) => CLUSTER_SHAPING_KINDS.has(String(d.object.kind)))) {
      const shaping = docs.filter((d) => CLUSTER_SHAPING_KINDS.has(String(d.object.kind)));
      rest = docs.filter((d) => !CLUSTER_SHAPING_KINDS.has(String(d.object.kind)));
      const op: Operation = {
        type: "boot",
        config: shaping.filter((d) => d.object.kind !== "Node").map(recorded),
        nodes: shaping.filter((d) => d.object.kind === "Node").map(recorded),
      };
      const before = this.parts();
      try {
        const errors = this.boot(op.config, op.nodes);
        this.journal.push(op);
        report.errors.push(...errors);
        const refused = new Set(errors.map((e) => e.source));
        report.results.push(
          ...shaping.filter((d) => !refused.has(d.source)).map((d) => this.describeBootResult(d)),
        );
      } catch (e) {
        // A fresh cluster that cannot be built leaves the previous one in place.
        this.restore(before);
        report.errors.push(...shaping.map((d) => internalError(e, d)));
      }
    }
    for (const doc of rest) {
      const op: Operation = { type: "apply", doc: recorded(doc) };
      try {
        report.results.push(this.api.apply(doc));
        this.journal.push(op);
      } catch (e) {
        if (e instanceof ApiStatusError) {
          this.journal.push(op);
          report.errors.push({ ...e.status, source: e.status.source ?? doc.source });
        } else {
          this.rebuild();
          report.errors.push(internalError(e, doc));
        }
      }
    }
    this.pristine = false;
    this.journal.push({ type: "applied" });
    return report;
  }

  /**
   * Replaces the cluster with one imported from a dump — what `kubectl get
   * nodes,pods,services,endpointslices,configmaps -A -o yaml` (or `-o json`) printed — keeping
   * what the real cluster assigned, with its configuration read from the dump and what a dump
   * cannot say assumed and stated in the report. A dump that cannot be read changes nothing;
   * objects refused are reported with their file and line. `onProgress` is told how far the
   * import is as it goes (characters read, objects stored, the first sync). Never throws.
   */
  async importCluster(file: ManifestFile, onProgress?: ImportProgressListener): Promise<ImportReport> {
    const op: Operation = { type: "import", name: file.name, text: file.text };
    const before = this.parts();
    try {
      // The importer (its YAML reader included) is a chunk of its own, off the start-up path.
      this.importer ??= await import("./api/import/importCluster");
      const report = this.importNow(op.name, op.text, onProgress);
      if (report.imported) this.journal.push(op);
      return report;
    } catch (e) {
      this.restore(before);
      return {
        imported: false,
        counts: [],
        notes: [],
        errors: [{ ...internalError(e), source: { file: file.name, line: 1 } }],
      };
    }
  }

  /**
   * A dump made fit to share (`api/import/redact.ts`): annotations, managed fields, the status the
   * simulation does not read, environment variable values and private data taken out; what the
   * import needs (assigned addresses, slices, settings) kept. Reads the text; changes nothing.
   */
  async redactDump(file: ManifestFile): Promise<RedactResult> {
    const { redactDump } = await import("./api/import/redact");
    return redactDump(file.text, file.name);
  }

  private importNow(name: string, text: string, onProgress?: ImportProgressListener): ImportReport {
    // Loaded by the importCluster call this replays or performs.
    if (!this.importer) throw new Error("the importer is not loaded");
    const { parts, report } = this.importer.importParts(
      this.seed,
      this.startTime,
      { files: this.files, assets: () => this.assets },
      text,
      name,
      onProgress,
    );
    if (parts) {
      this.restore(parts);
      this.pristine = false;
    }
    return report;
  }

  /**
   * Runs a command line in the terminal's current shell. A command that hits
   * an engine bug prints an error and changes nothing.
   */
  run(line: string): ShellOutput {
    const revision = this.cluster.store.resourceVersion;
    const op: Operation = { type: "run", line };
    let out: ShellOutput;
    try {
      out = this.shell.run(line);
    } catch (e) {
      out = this.shell.failed(e);
    }
    if (out.internalError !== undefined) {
      this.rebuild();
      return { ...out, prompt: this.prompt(), changed: false };
    }
    this.journal.push(op);
    if (this.cluster.store.resourceVersion !== this.bootstrapRevision) this.pristine = false;
    return { ...out, changed: this.cluster.store.resourceVersion !== revision };
  }

  /**
   * Loads the shell's assets — the help texts, the Kubernetes schema and the code of `kubectl
   * describe`, `explain`, `logs` and `patch`: separate chunks in the browser, kept off the
   * start-up path. Hosts call it before running a line for which `needsShellAssets` is true;
   * idempotent.
   */
  loadAssets(): Promise<void> {
    this.assetsLoading ??= loadShellAssets().then((a) => {
      this.assets = a;
    });
    return this.assetsLoading;
  }

  /** Hands over assets a host has already loaded (`loadShellAssets`), for many simulations at once. */
  provideAssets(assets: ShellAssets): void {
    this.assets = assets;
    this.assetsLoading = Promise.resolve();
  }

  /** The terminal's prompt (`root@kind-control-plane:~#`, `bash-5.1#`). */
  prompt(): string {
    try {
      return this.shell.prompt();
    } catch {
      return "#";
    }
  }

  /** Sends one connection and returns its journey. */
  send(request: SendRequest): Trace {
    const op: Operation = { type: "send", request };
    try {
      const trace = this.net.send(request);
      this.journal.push(op);
      return trace;
    } catch (e) {
      this.rebuild();
      return failedTrace(request, this.cluster.config.proxyMode, e);
    }
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
    const n = Number.isFinite(count) ? Math.max(1, Math.min(Math.floor(count), MAX_BURST)) : 1;
    const op: Operation = { type: "burst", request, count: n };
    try {
      const out = this.burstNow(request, n);
      this.journal.push(op);
      return out;
    } catch (e) {
      this.rebuild();
      const trace = failedTrace(request, this.cluster.config.proxyMode, e);
      return { result: summarizeBurst(this.cluster, [trace]), traces: [trace] };
    }
  }

  private burstNow(request: SendRequest, n: number): { result: BurstResult; traces: Trace[] } {
    const traces = sendBurst(this.net, request, n);
    return { result: summarizeBurst(this.cluster, traces), traces: traces.slice(0, BURST_TRACES) };
  }

  /** The diagram's view model (the last good one if building it fails). */
  view(): TopologyView {
    try {
      this.lastView = topologyView(this.cluster, {
        dataPlaneSize: (node) => this.proxy.dataPlaneFor(node).size(),
        maxServices: VIEW_SERVICES,
      });
    } catch {
      this.lastView ??= emptyView(this.cluster);
    }
    return this.lastView;
  }

  /** Every stored object, kind by kind in key order: the cluster's whole state, as plain data. */
  objects(): AnyObject[] {
    const store = this.cluster.store;
    return KINDS.flatMap((k) => store.list(k.kind));
  }

  /**
   * Why a Service has no endpoints — no selector, no pod with its labels (and the nearest ones),
   * pods not running, a named targetPort no pod declares, pods not ready — read from the cluster
   * as it is; for one of its ports when `port` names it ("" for an unnamed port). Changes nothing.
   */
  whyNoEndpoints(namespace: string, name: string, port?: string): NoEndpointsAnswer {
    const store = this.cluster.store;
    return whyNoEndpoints({
      service: store.get("Service", namespace, name),
      pods: store.list("Pod"),
      slices: store.list("EndpointSlice", namespace),
      ...(port !== undefined ? { port } : {}),
    });
  }

  /** Tab completion candidates for the terminal's current line. */
  complete(line: string): string[] {
    try {
      return this.completeNow(line);
    } catch {
      return [];
    }
  }

  private completeNow(line: string): string[] {
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
    const assets = this.assets;
    return complete(line, {
      cluster: this.cluster,
      commands: [...commands, "exit", "clear"],
      files,
      namespace: ctx.type === "pod" ? ctx.namespace : "default",
      ...(assets ? { explainFields: (path: string) => assets.explainFields(assets.schema, path) } : {}),
    });
  }

  /**
   * The lookup-cost experiment over synthetic clusters, in steps (a
   * generator): the caller drives it, reports progress and may stop early.
   * `now` is the caller's clock for the simulation's own time per packet.
   */
  async lookupExperiment(
    opts: LookupExperimentOptions,
    now: () => number,
  ): Promise<Generator<LookupProgress, LookupRow[]>> {
    // The experiment (its synthetic clusters and model) is a chunk of its own, off the start-up path.
    const { lookupExperiment } = await import("./bench/experiment");
    return lookupExperiment(opts, now);
  }

  /** Switches kube-proxy's mode (and IPVS scheduler); every node's data plane is rebuilt. */
  setProxyMode(mode: ProxyMode, scheduler?: IpvsScheduler): void {
    this.guarded({ type: "setProxyMode", mode, ...(scheduler ? { scheduler } : {}) });
  }

  /** A readiness probe's verdict for a pod. */
  setPodReady(namespace: string, name: string, ready: boolean): void {
    this.guarded({ type: "setPodReady", namespace, name, ready });
  }

  /** Moves virtual time forward (AGE, timeouts, graceful deletion). */
  advanceClock(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.guarded({ type: "advanceClock", ms });
  }

  /** Puts a file in the node shells' home directory (`kubectl apply -f web.yaml`). */
  writeFile(path: string, text: string): void {
    this.guarded({ type: "writeFile", path, text });
  }

  /** Performs a call that answers nothing; on an engine bug the simulation stays as it was. */
  private guarded(op: Operation): void {
    try {
      this.perform(op);
      this.journal.push(op);
    } catch {
      this.rebuild();
    }
  }

  /** Does what a recorded call did (the journal's replay; refusals are part of the outcome). */
  private perform(op: Operation): void {
    switch (op.type) {
      case "boot":
        this.boot(op.config, op.nodes);
        return;
      case "import":
        this.importNow(op.name, op.text);
        return;
      case "apply":
        try {
          this.api.apply(op.doc);
        } catch (e) {
          if (!(e instanceof ApiStatusError)) throw e;
        }
        return;
      case "applied":
        this.pristine = false;
        return;
      case "run":
        this.shell.run(op.line);
        if (this.cluster.store.resourceVersion !== this.bootstrapRevision) this.pristine = false;
        return;
      case "send":
        this.net.send(op.request, { walk: false });
        return;
      case "burst":
        this.burstNow(op.request, op.count);
        return;
      case "setProxyMode":
        this.cluster.config = {
          ...this.cluster.config,
          proxyMode: op.mode,
          ...(op.scheduler ? { ipvsScheduler: op.scheduler } : {}),
        };
        return;
      case "setPodReady":
        this.controllers.setPodReady(op.namespace, op.name, op.ready);
        this.cluster.reconcile();
        return;
      case "advanceClock":
        this.cluster.clock.advance(op.ms);
        this.cluster.reconcile();
        return;
      case "writeFile":
        this.files.set(op.path.startsWith("/") ? op.path : `/root/${op.path}`, op.text);
        return;
    }
  }

  /**
   * Rebuilds the simulation from its journal: a fresh start, then every recorded call again.
   * The engine is deterministic, so this is the state before the call that failed.
   */
  private rebuild(): void {
    const journal = this.journal;
    this.journal = [];
    this.files.clear();
    this.pristine = true;
    this.boot([], []);
    for (const op of journal) {
      try {
        this.perform(op);
        this.journal.push(op);
      } catch {
        // Replaying cannot fail where the first run did not; if it does, the rest is dropped.
        break;
      }
    }
  }

  /** The parts a boot replaces, to put back when booting fails. */
  private parts(): SimulationParts {
    const { cluster, api, controllers, dns, proxy, net, shell, bootstrapRevision } = this;
    return { cluster, api, controllers, dns, proxy, net, shell, bootstrapRevision };
  }

  private restore(p: SimulationParts): void {
    Object.assign(this, p);
  }

  /** Builds a fresh cluster from configuration documents and nodes; returns their refusals. */
  private boot(config: RecordedDocument[], nodes: RecordedDocument[]): ApiError[] {
    const { parts, errors } = bootParts(
      this.seed,
      this.startTime,
      { files: this.files, assets: () => this.assets },
      config,
      nodes,
    );
    this.restore(parts);
    return errors;
  }

  private isPristine(): boolean {
    return this.pristine && this.cluster.store.resourceVersion === this.bootstrapRevision;
  }

  private describeBootResult(doc: RecordedDocument): ApplyResult {
    const kind = String(doc.object.kind) as ApplyResult["kind"];
    const meta = (doc.object.metadata ?? {}) as { name?: string };
    return { kind, resource: kind.toLowerCase(), name: meta.name ?? "", action: "created" };
  }
}
