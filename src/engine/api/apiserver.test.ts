import { describe, expect, it } from "vitest";
import { Cluster } from "../cluster";
import { ApiServer } from "./apiserver";
import { bootstrapCluster } from "./bootstrap";
import type { ApiStatusError } from "./contract";
import type { Service } from "./types";

function fresh(): { cluster: Cluster; api: ApiServer } {
  const cluster = new Cluster(7);
  const api = new ApiServer(cluster);
  bootstrapCluster(cluster, api);
  return { cluster, api };
}

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
`;

describe("bootstrap", () => {
  it("puts kubernetes at 10.96.0.1 and kube-dns at 10.96.0.10", () => {
    const { cluster } = fresh();
    const ips = cluster.store
      .list("Service")
      .map((s) => `${s.metadata.namespace}/${s.metadata.name}=${s.spec?.clusterIP}`);
    expect(ips).toEqual(["default/kubernetes=10.96.0.1", "kube-system/kube-dns=10.96.0.10"]);
    expect(cluster.store.list("Namespace").map((n) => n.metadata.name)).toEqual([
      "default",
      "kube-node-lease",
      "kube-public",
      "kube-system",
    ]);
    expect(cluster.store.list("Node").map((n) => n.spec?.podCIDR)).toEqual([
      "10.244.0.0/24",
      "10.244.1.0/24",
      "10.244.2.0/24",
    ]);
    expect(cluster.store.get("Endpoints", "default", "kubernetes")?.subsets).toEqual([
      { addresses: [{ ip: "172.18.0.2" }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] },
    ]);
  });

  it("lists every control-plane node as an apiserver endpoint", () => {
    const cluster = new Cluster(1);
    const api = new ApiServer(cluster);
    const cp = (name: string, ip: string) => ({
      metadata: { name, labels: { "node-role.kubernetes.io/control-plane": "" } },
      status: { addresses: [{ type: "InternalIP", address: ip }] },
    });
    bootstrapCluster(cluster, api, {
      nodes: [cp("instance-1", "10.142.0.7"), cp("instance-2", "10.142.0.2"), cp("instance-3", "10.142.0.4")],
    });
    const slice = cluster.store.get("EndpointSlice", "default", "kubernetes");
    expect(slice?.endpoints?.map((e) => e.addresses[0])).toEqual(["10.142.0.2", "10.142.0.4", "10.142.0.7"]);
  });
});

describe("apply", () => {
  it("creates, then reports unchanged, then configured", () => {
    const { api } = fresh();
    expect(api.applyText(WEB, "web.yaml").results.map((r) => `${r.resource}/${r.name} ${r.action}`)).toEqual([
      "service/web created",
    ]);
    expect(api.applyText(WEB, "web.yaml").results[0]?.action).toBe("unchanged");
    const changed = WEB.replace("port: 80", "port: 8080");
    expect(api.applyText(changed, "web.yaml").results[0]?.action).toBe("configured");
  });

  it("keeps the allocated ClusterIP and nodePort across applies", () => {
    const { api, cluster } = fresh();
    api.applyText(WEB, "web.yaml");
    const before = cluster.store.get("Service", "default", "web")!;
    api.applyText(WEB.replace("app: web", "app: web2"), "web.yaml");
    const after = cluster.store.get("Service", "default", "web")!;
    expect(after.spec?.clusterIP).toBe(before.spec?.clusterIP);
    expect(after.spec?.ports?.[0]?.nodePort).toBe(before.spec?.ports?.[0]?.nodePort);
  });

  it("releases nodePorts when a Service turns ClusterIP", () => {
    const { api, cluster } = fresh();
    api.applyText(WEB.replace("port: 80", "port: 80\n    nodePort: 30007"), "web.yaml");
    api.applyText(WEB.replace("type: NodePort", "type: ClusterIP"), "web.yaml");
    expect(cluster.store.get("Service", "default", "web")?.spec?.ports?.[0]?.nodePort).toBeUndefined();
    expect(api.alloc.ports.has(30007)).toBe(false);
  });

  it("refuses one object, leaves the store unchanged for it and applies the rest", () => {
    const { api, cluster } = fresh();
    api.applyText(WEB.replace("port: 80", "port: 80\n    nodePort: 30007"), "a.yaml");
    const rv = cluster.store.resourceVersion;
    const text = `${WEB.replace("name: web", "name: dup").replace("port: 80", "port: 80\n    nodePort: 30007")}---\n${WEB.replace("name: web", "name: ok")}`;
    const out = api.applyText(text, "b.yaml");
    expect(out.results.map((r) => r.name)).toEqual(["ok"]);
    expect(out.errors.map((e) => e.message)).toEqual([
      'The Service "dup" is invalid: spec.ports[0].nodePort: Invalid value: 30007: provided port is already allocated',
    ]);
    expect(out.errors[0]?.source).toEqual({ file: "b.yaml", line: 1, column: 1 });
    expect(cluster.store.get("Service", "default", "dup")).toBeUndefined();
    expect(cluster.store.resourceVersion).toBeGreaterThan(rv);
  });

  it("refuses a clusterIP already taken and unknown kinds", () => {
    const { api } = fresh();
    const taken = WEB.replace("type: NodePort", "clusterIP: 10.96.0.10");
    expect(api.applyText(taken, "t.yaml").errors[0]?.message).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    const foo = "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n";
    expect(api.applyText(foo, "foo.yaml").errors[0]?.message).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first',
    );
  });
});

describe("create, update, delete", () => {
  it("refuses duplicates and unknown names in kubectl's words", () => {
    const { api } = fresh();
    const obj = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web" },
      spec: { ports: [{ port: 80 }] },
    };
    api.create("Service", obj);
    expect(() => api.create("Service", obj)).toThrow(
      'Error from server (AlreadyExists): services "web" already exists',
    );
    expect(() => api.delete("Service", "default", "nope")).toThrow(
      'Error from server (NotFound): services "nope" not found',
    );
    expect(() => api.delete("Deployment", "default", "web")).toThrow(
      'Error from server (NotFound): deployments.apps "web" not found',
    );
  });

  it("refuses a changed clusterIP on update and releases it on delete", () => {
    const { api } = fresh();
    const svc = api.create("Service", {
      metadata: { name: "web" },
      spec: { clusterIP: "10.96.0.5", ports: [{ port: 80 }] },
    }) as Service;
    try {
      api.update("Service", {
        ...svc,
        spec: { ...svc.spec, clusterIP: "10.96.0.6", clusterIPs: ["10.96.0.6"] },
      });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiStatusError).status.message).toBe(
        'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.6"]: may not change once set',
      );
    }
    api.delete("Service", "default", "web");
    expect(api.alloc.ip.has("10.96.0.5")).toBe(false);
  });

  it("marks a scheduled pod terminating instead of removing it", () => {
    const { api, cluster } = fresh();
    api.create("Pod", {
      metadata: { name: "p" },
      spec: { nodeName: "kind-worker", containers: [{ name: "c", image: "nginx" }] },
    });
    api.delete("Pod", "default", "p");
    const pod = cluster.store.get("Pod", "default", "p");
    expect(pod?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(pod?.metadata.deletionTimestamp).toBe("2026-01-05T09:00:30Z");
    api.delete("Pod", "default", "p", { gracePeriodSeconds: 0 });
    expect(cluster.store.get("Pod", "default", "p")).toBeUndefined();
  });
});

describe("config kinds", () => {
  it("gives pending LoadBalancers an address once a pool exists", () => {
    const { api, cluster } = fresh();
    api.applyText(WEB.replace("type: NodePort", "type: LoadBalancer"), "lb.yaml");
    expect(cluster.store.get("Service", "default", "web")?.status?.loadBalancer?.ingress).toBeUndefined();
    const pool = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: kind
  namespace: metallb-system
spec:
  addresses:
  - 172.18.255.200-172.18.255.250
`;
    expect(api.applyText(pool, "pool.yaml").errors).toEqual([]);
    expect(cluster.store.get("Service", "default", "web")?.status?.loadBalancer?.ingress).toEqual([
      { ip: "172.18.255.200", ipMode: "VIP" },
    ]);
  });

  it("re-addresses the system Services for a new serviceSubnet, refuses once user Services exist", () => {
    const { api, cluster } = fresh();
    const cc = (subnet: string) =>
      `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  serviceSubnet: ${subnet}\n`;
    expect(api.applyText(cc("10.233.0.0/18"), "cc.yaml").errors).toEqual([]);
    expect(cluster.config.serviceSubnet).toBe("10.233.0.0/18");
    expect(cluster.store.get("Service", "default", "kubernetes")?.spec?.clusterIP).toBe("10.233.0.1");
    expect(cluster.store.get("Service", "kube-system", "kube-dns")?.spec?.clusterIP).toBe("10.233.0.10");
    api.applyText(WEB, "web.yaml");
    const out = api.applyText(cc("10.96.0.0/12"), "cc.yaml");
    expect(out.errors[0]?.reason).toBe("BadRequest");
    expect(cluster.config.serviceSubnet).toBe("10.233.0.0/18");
  });
});
