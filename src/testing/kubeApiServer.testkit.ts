/**
 * A small Kubernetes API server over Node's http, for tests that let the real
 * kubectl read Packetwalk's objects: legacy discovery (/api, /apis, each group
 * version's resource list), /version, and get/list for every served resource
 * with label and field selectors, and pods' `log` subresource from a callback.
 * It serves whatever objects it is given and computes nothing of its own:
 * describers run in kubectl, on these objects. Writes are refused (405); the
 * tests only read.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { matchesSelector, parseSelector } from "../engine/shell/kubectl/selector";

/** One resource as discovery lists it. */
export interface ServedResource {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
}

/** The resources a cluster of Packetwalk's kinds serves, plus the ones kubectl's describers ask for. */
export const SERVED_RESOURCES: readonly ServedResource[] = [
  {
    group: "",
    version: "v1",
    plural: "pods",
    singular: "pod",
    kind: "Pod",
    namespaced: true,
    shortNames: ["po"],
    categories: ["all"],
  },
  {
    group: "",
    version: "v1",
    plural: "services",
    singular: "service",
    kind: "Service",
    namespaced: true,
    shortNames: ["svc"],
    categories: ["all"],
  },
  {
    group: "",
    version: "v1",
    plural: "endpoints",
    singular: "endpoints",
    kind: "Endpoints",
    namespaced: true,
    shortNames: ["ep"],
  },
  {
    group: "",
    version: "v1",
    plural: "nodes",
    singular: "node",
    kind: "Node",
    namespaced: false,
    shortNames: ["no"],
  },
  {
    group: "",
    version: "v1",
    plural: "namespaces",
    singular: "namespace",
    kind: "Namespace",
    namespaced: false,
    shortNames: ["ns"],
  },
  {
    group: "",
    version: "v1",
    plural: "configmaps",
    singular: "configmap",
    kind: "ConfigMap",
    namespaced: true,
    shortNames: ["cm"],
  },
  {
    group: "",
    version: "v1",
    plural: "events",
    singular: "event",
    kind: "Event",
    namespaced: true,
    shortNames: ["ev"],
  },
  {
    group: "",
    version: "v1",
    plural: "resourcequotas",
    singular: "resourcequota",
    kind: "ResourceQuota",
    namespaced: true,
    shortNames: ["quota"],
  },
  {
    group: "",
    version: "v1",
    plural: "limitranges",
    singular: "limitrange",
    kind: "LimitRange",
    namespaced: true,
    shortNames: ["limits"],
  },
  {
    group: "apps",
    version: "v1",
    plural: "deployments",
    singular: "deployment",
    kind: "Deployment",
    namespaced: true,
    shortNames: ["deploy"],
    categories: ["all"],
  },
  {
    group: "apps",
    version: "v1",
    plural: "replicasets",
    singular: "replicaset",
    kind: "ReplicaSet",
    namespaced: true,
    shortNames: ["rs"],
    categories: ["all"],
  },
  {
    group: "discovery.k8s.io",
    version: "v1",
    plural: "endpointslices",
    singular: "endpointslice",
    kind: "EndpointSlice",
    namespaced: true,
  },
  {
    group: "coordination.k8s.io",
    version: "v1",
    plural: "leases",
    singular: "lease",
    kind: "Lease",
    namespaced: true,
  },
];

type Obj = Record<string, unknown> & {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
};

const VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** The value at a dotted path (`spec.nodeName`), as a field selector compares it. */
function fieldValue(obj: Obj, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? "" : String(cur);
}

/** `fields.ParseSelector`: `a=b`, `a==b`, `a!=b`, joined by commas. */
function matchesFields(obj: Obj, selector: string): boolean {
  if (!selector) return true;
  return selector.split(",").every((term) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) return false;
    const [, path, op, value] = m as unknown as [string, string, string, string];
    const actual = fieldValue(obj, path);
    return op === "!=" ? actual !== value : actual === value;
  });
}

/** The server version as `/version` reports it, from a `vX.Y.Z` string. */
function versionInfo(gitVersion: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? "1",
    minor: m?.[2] ?? "35",
    gitVersion,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2025-01-01T00:00:00Z",
    goVersion: "go1.23.0",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

interface Reply {
  code: number;
  body: unknown;
}

/** A pod log as the test's source of truth answers it: the text, or a refusal. */
export type LogReply = { text: string } | { code: number; reason: string; message: string };

/** Answers `GET …/pods/NAME/log?container=…&tailLines=…&timestamps=…`. */
export type LogSource = (namespace: string, pod: string, query: URLSearchParams) => LogReply;

const ok = (body: unknown): Reply => ({ code: 200, body });

/** A `metav1.Status` failure. */
function status(code: number, reason: string, message: string, details?: Record<string, unknown>): Reply {
  const body = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  return { code, body: details ? { ...body, details } : body };
}

export class KubeApiServer {
  private server: Server | undefined;
  /** Every request's method and URL, for reading a failed test. */
  readonly requests: string[] = [];

  /**
   * @param objects every object served, by resource plural (`services`); each
   *   carries its own apiVersion, kind and metadata.
   * @param gitVersion what `/version` reports (kubectl's describers and its
   *   version dispatcher follow it).
   */
  constructor(
    private readonly objects: ReadonlyMap<string, readonly Obj[]>,
    private readonly gitVersion: string,
    private readonly resources: readonly ServedResource[] = SERVED_RESOURCES,
    private readonly logs?: LogSource,
    private readonly openapi?: ReadonlyMap<string, unknown>,
  ) {}

  /** Starts listening on a free loopback port; returns the server's URL. */
  async start(): Promise<string> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const log = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(url.pathname);
    if (log && this.logs && req.method === "GET") {
      const answer = this.logs(log[1] as string, log[2] as string, url.searchParams);
      if ("text" in answer) {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end(answer.text);
        return;
      }
      const failed = status(answer.code, answer.reason, answer.message);
      res.writeHead(failed.code, { "Content-Type": "application/json" });
      res.end(JSON.stringify(failed.body));
      return;
    }
    const reply = this.openapiRoute(url) ?? this.route(req.method ?? "GET", url);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    // The API server's deprecation warning for v1 Endpoints (1.33+), which kubectl prints as `Warning: …`.
    if (/\/endpoints(\/|$)/.test(url.pathname) && this.minor() >= 33)
      headers.Warning = '299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"';
    res.writeHead(reply.code, headers);
    res.end(JSON.stringify(reply.body));
  }

  /** `/openapi/v3` (the index of group versions) and each group version's document. */
  private openapiRoute(url: URL): Reply | undefined {
    if (!this.openapi || !url.pathname.startsWith("/openapi/v3")) return undefined;
    const path = url.pathname.replace(/^\/openapi\/v3\/?/, "");
    if (path === "")
      return ok({
        paths: Object.fromEntries(
          [...this.openapi.keys()].map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=0` }]),
        ),
      });
    const doc = this.openapi.get(path);
    return doc ? ok(doc) : status(404, "NotFound", "the server could not find the requested resource");
  }

  private minor(): number {
    return Number(/^v\d+\.(\d+)/.exec(this.gitVersion)?.[1] ?? 0);
  }

  private route(method: string, url: URL): Reply {
    if (method !== "GET") return status(405, "MethodNotAllowed", "the fake API server only reads");
    const path = url.pathname.replace(/\/$/, "");
    if (path === "/version") return ok(versionInfo(this.gitVersion));
    if (path === "/api")
      return ok({
        kind: "APIVersions",
        versions: ["v1"],
        serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1:6443" }],
      });
    if (path === "/apis") return ok(this.groupList());
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/(.*))?$/.exec(path);
    if (!m) return status(404, "NotFound", "the server could not find the requested resource");
    const group = m[2] ?? "";
    const version = m[1] ?? m[3] ?? "";
    const rest = m[4];
    const served = this.resources.filter((r) => r.group === group && r.version === version);
    if (served.length === 0)
      return status(404, "NotFound", "the server could not find the requested resource");
    if (!rest) return ok(this.resourceList(group, version, served));
    const parts = rest.split("/");
    let namespace: string | undefined;
    if (parts[0] === "namespaces" && parts.length >= 3) {
      namespace = parts[1];
      parts.splice(0, 2);
    }
    const [plural, name, sub] = parts;
    const resource = served.find((r) => r.plural === plural);
    if (!resource || sub !== undefined)
      return status(404, "NotFound", "the server could not find the requested resource");
    const all = (this.objects.get(resource.plural) ?? []).filter(
      (o) => namespace === undefined || !resource.namespaced || o.metadata?.namespace === namespace,
    );
    if (name !== undefined) {
      const found = all.find((o) => o.metadata?.name === name);
      if (!found) {
        const gr = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
        return status(404, "NotFound", `${gr} "${name}" not found`, {
          name,
          group: resource.group,
          kind: resource.plural,
        });
      }
      return ok(found);
    }
    const labelSelector = url.searchParams.get("labelSelector") ?? "";
    const reqs = parseSelector(labelSelector);
    const fieldSelector = url.searchParams.get("fieldSelector") ?? "";
    const items = all.filter(
      (o) =>
        ("error" in reqs ? false : matchesSelector(reqs, o.metadata?.labels ?? {})) &&
        matchesFields(o, fieldSelector),
    );
    return ok({
      apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version,
      kind: `${resource.kind}List`,
      metadata: { resourceVersion: "1000" },
      items,
    });
  }

  private groupList(): Record<string, unknown> {
    const groups = [...new Set(this.resources.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))];
    return {
      kind: "APIGroupList",
      apiVersion: "v1",
      groups: groups.map((gv) => {
        const [name, version] = gv.split("/") as [string, string];
        const v = { groupVersion: gv, version };
        return { name, versions: [v], preferredVersion: v };
      }),
    };
  }

  private resourceList(
    group: string,
    version: string,
    served: readonly ServedResource[],
  ): Record<string, unknown> {
    return {
      kind: "APIResourceList",
      apiVersion: "v1",
      groupVersion: group ? `${group}/${version}` : version,
      resources: served.map((r) => ({
        name: r.plural,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: VERBS,
        ...(r.shortNames ? { shortNames: r.shortNames } : {}),
        ...(r.categories ? { categories: r.categories } : {}),
      })),
    };
  }
}
