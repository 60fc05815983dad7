/**
 * Test fixtures for kubectl: a cluster filled directly through the store,
 * and a fake API server that records calls.
 */
import type { Api, ApiError, ApplyResult, DeleteOptions, ManifestDocument } from "../../api/contract";
import { ApiStatusError } from "../../api/contract";
import { newObjectMeta } from "../../api/meta.testkit";
import type { AnyObject, Kind, KindMap, ObjectMeta } from "../../api/types";
import { Cluster, defaultClusterConfig } from "../../cluster";
import type { Dns } from "../../dns/contract";
import type { Net } from "../../net/contract";
import { loadShellAssets } from "../assets";
import type { CommandEnv, CommandResult } from "../types";
import { kubectl } from "./index";
import { resourceForKind } from "./resources";

/** The shell's assets, loaded once for every test environment (as a host loads them on first use). */
const ASSETS = await loadShellAssets();

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A cluster at `version` whose clock starts 7 days after its epoch. */
export function testCluster(version = "v1.35.0"): Cluster {
  const cluster = new Cluster(42, { ...defaultClusterConfig(), kubernetesVersion: version });
  return cluster;
}

/** Puts an object created `ageMs` before the cluster's current time. */
export function put<K extends Kind>(
  cluster: Cluster,
  kind: K,
  ageMs: number,
  object: Omit<KindMap[K], "metadata" | "apiVersion" | "kind"> & {
    metadata: Partial<ObjectMeta> & { name: string };
  },
): KindMap[K] {
  const meta = newObjectMeta(cluster, object.metadata);
  meta.creationTimestamp = cluster.clock.iso(cluster.clock.now() - ageMs);
  const type = resourceForKind(kind);
  const full = { apiVersion: type?.apiVersion, kind, ...object, metadata: meta };
  return cluster.store.put(kind, full as unknown as KindMap[K]);
}

export interface ApiCall {
  method: "applyText" | "apply" | "create" | "update" | "delete";
  kind?: Kind;
  namespace?: string;
  name?: string;
  object?: Record<string, unknown>;
  opts?: unknown;
}

/** A fake API server: stores what it is given, refuses what `refuse` says, records every call. */
export class FakeApi implements Api {
  readonly calls: ApiCall[] = [];
  applyResults: ApplyResult[] = [];
  applyErrors: ApiError[] = [];
  refuse?: ApiError;

  constructor(private readonly cluster: Cluster) {}

  applyText(text: string, file: string, opts?: { namespace?: string }) {
    this.calls.push({ method: "applyText", name: file, object: { text }, opts });
    return { results: this.applyResults, errors: this.applyErrors };
  }

  apply(doc: ManifestDocument): ApplyResult {
    this.calls.push({ method: "apply", object: doc.object });
    throw new Error("not used");
  }

  create<K extends Kind>(kind: K, object: Record<string, unknown>): KindMap[K] {
    const meta = object.metadata as { name: string; namespace?: string };
    this.calls.push({ method: "create", kind, name: meta.name, namespace: meta.namespace, object });
    if (this.refuse) throw new ApiStatusError(this.refuse);
    const stored = { ...object, metadata: newObjectMeta(this.cluster, meta) } as unknown as KindMap[K];
    return this.cluster.store.put(kind, stored);
  }

  update<K extends Kind>(kind: K, object: Record<string, unknown>): KindMap[K] {
    const meta = object.metadata as { name: string; namespace?: string };
    this.calls.push({ method: "update", kind, name: meta.name, namespace: meta.namespace, object });
    if (this.refuse) throw new ApiStatusError(this.refuse);
    return this.cluster.store.put(kind, object as unknown as KindMap[K]);
  }

  delete(kind: Kind, namespace: string | undefined, name: string, opts?: DeleteOptions): void {
    this.calls.push({ method: "delete", kind, namespace, name, opts });
    const gone: AnyObject | undefined = this.cluster.store.remove(kind, namespace, name);
    if (!gone) {
      const plural =
        { Service: "services", Pod: "pods", Deployment: "deployments.apps" }[kind as string] ?? kind;
      throw new ApiStatusError({
        reason: "NotFound",
        message: `Error from server (NotFound): ${plural} "${name}" not found`,
      });
    }
  }
}

const noDns: Dns = {
  query: () => ({
    rcode: "SERVFAIL",
    authoritative: false,
    recursionAvailable: false,
    answer: [],
    authority: [],
    additional: [],
  }),
  resolve: () => ({ addresses: [], cnames: [], tries: [], server: "" }),
  resolvConf: () => "",
};

/** kubectl never touches the packet pipeline; any use of it fails the test. */
const noNet = new Proxy(
  {},
  {
    get() {
      throw new Error("no network in kubectl tests");
    },
  },
) as Net;

/** A command environment on the control-plane node. */
export function testEnv(
  cluster: Cluster,
  api: Api = new FakeApi(cluster),
  files: Record<string, string> = {},
  stdin = "",
): CommandEnv {
  return {
    cluster,
    api,
    dns: noDns,
    net: noNet,
    context: { type: "node", node: "control-plane", cwd: "/root" },
    assets: () => ASSETS,
    stdin,
    files: new Map(Object.entries(files)),
  };
}

/** Runs `kubectl <line>` (split on spaces). */
export function k(env: CommandEnv, line: string): CommandResult {
  return kubectl(
    line.split(" ").filter((s) => s !== ""),
    env,
  );
}
