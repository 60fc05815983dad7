import { describe, expect, it } from "vitest";
import { PLAIN_STAGES, type PlainStage, type Trace, type TraceHop } from "../engine/net/types";
import type { ServiceView, TopologyView } from "../engine/view/topology";
import { buildPrediction, NO_BACKEND, VERDICTS } from "./predict";
import { lessonRequest, lessonTarget, serviceForTarget } from "./targets";

const packet = {
  proto: "TCP" as const,
  src: "10.244.1.5",
  sport: 40000,
  dst: "10.96.0.20",
  dport: 80,
  mark: 0,
  bytes: 60,
};
const hop = (stage: string, extra: Partial<TraceHop> = {}): TraceHop => ({
  direction: "request",
  place: { node: "kind-worker" },
  kind: (PLAIN_STAGES as readonly string[]).includes(stage) ? (stage as PlainStage) : "hook",
  stage,
  packet,
  cost: { rulesEvaluated: 1, lookups: 0 },
  ...extra,
});

const service = (name: string, extra: Partial<ServiceView> = {}): ServiceView => ({
  namespace: "default",
  name,
  type: "ClusterIP",
  clusterIP: "10.96.0.20",
  headless: false,
  loadBalancerIPs: [],
  externalIPs: [],
  ports: [{ name: "", port: 80, protocol: "TCP", targetPort: "80" }],
  selector: { app: name },
  endpoints: [
    { pod: "default/web-1", ip: "10.244.1.2", ready: true, serving: true, terminating: false },
    { pod: "default/web-2", ip: "10.244.2.2", ready: false, serving: false, terminating: false },
  ],
  sessionAffinity: "None",
  ...extra,
});

const view: TopologyView = {
  revision: 1,
  proxyMode: "iptables",
  ipvsScheduler: "rr",
  kubernetesVersion: "v1.35.0",
  serviceSubnet: "10.96.0.0/12",
  podSubnet: "10.244.0.0/16",
  nodes: [
    {
      name: "kind-worker",
      roles: [],
      internalIP: "172.18.0.3",
      podCIDR: "10.244.1.0/24",
      ready: true,
      schedulable: true,
    },
  ],
  pods: [],
  services: [
    service("web"),
    service("np", {
      type: "NodePort",
      clusterIP: "10.96.0.30",
      ports: [{ name: "", port: 80, protocol: "TCP", targetPort: "80", nodePort: 30007 }],
    }),
  ],
};

const trace = (extra: Partial<Trace> = {}): Trace => ({
  version: 2,
  mode: "iptables",
  source: { pod: "testnet", namespace: "default", ip: "10.244.1.5" },
  target: "web",
  hops: [
    hop("route"),
    hop("nat OUTPUT → KUBE-SERVICES"),
    hop("nat KUBE-SEP", {
      rewrite: {
        type: "DNAT",
        field: "dst",
        before: { ip: "10.96.0.20", port: 80 },
        after: { ip: "10.244.1.2", port: 80 },
      },
    }),
    hop("deliver"),
    hop("reply", { direction: "reply" }),
  ],
  verdict: "delivered",
  backend: { namespace: "default", pod: "web-1", ip: "10.244.1.2", port: 80 },
  cost: { rulesEvaluated: 4, lookups: 0 },
  ...extra,
});

describe("buildPrediction", () => {
  it("backend: the Service's endpoints (ready or not) are the choices, the trace's backend the answer", () => {
    expect(buildPrediction("backend", trace(), view)).toEqual({
      kind: "backend",
      choices: ["web-1", "web-2", NO_BACKEND],
      answer: "web-1",
    });
  });

  it("backend: a rejected packet's answer is that no pod answers", () => {
    const p = buildPrediction("backend", trace({ verdict: "rejected", backend: undefined }), view);
    expect(p.answer).toBe(NO_BACKEND);
    expect(p.choices).toContain(NO_BACKEND);
  });

  it("chain: request stages are the choices, the stage that rewrote the destination the answer", () => {
    const p = buildPrediction("chain", trace(), view);
    const at = (stage: string) => `${stage} @ node:kind-worker`;
    expect(p.choices).toEqual([at("nat OUTPUT → KUBE-SERVICES"), at("nat KUBE-SEP")]);
    expect(p.answer).toBe(at("nat KUBE-SEP"));
    expect(p.where?.[p.answer]).toEqual({ stage: "nat KUBE-SEP", place: { node: "kind-worker" } });
  });

  it("chain: one chain at two places is two choices; passing stages are not choices", () => {
    const pre = "nat PREROUTING → KUBE-SERVICES";
    const hops = [hop(pre), hop("route"), hop(pre, { place: { node: "kind-worker2" } }), hop("deliver")];
    const p = buildPrediction("chain", trace({ hops }), view);
    expect(p.choices).toEqual([`${pre} @ node:kind-worker`, `${pre} @ node:kind-worker2`]);
    expect(p.answer).toBe(`${pre} @ node:kind-worker2`);
  });

  it("node: the cluster's nodes are the choices, the backend's node the answer", () => {
    const p = buildPrediction(
      "node",
      trace({
        backend: { namespace: "default", pod: "web-1", ip: "10.244.1.2", port: 80, node: "kind-worker" },
      }),
      view,
    );
    expect(p).toEqual({ kind: "node", choices: ["kind-worker", NO_BACKEND], answer: "kind-worker" });
  });

  it("verdict: every verdict is a choice, the trace's the answer", () => {
    const p = buildPrediction("verdict", trace({ verdict: "dropped" }), view);
    expect(p.choices).toEqual([...VERDICTS]);
    expect(p.answer).toBe("dropped");
  });
});

describe("targets", () => {
  it("resolves node:NAME:PORT to the node's InternalIP from the view", () => {
    expect(lessonTarget("node:kind-worker:30007", view)).toBe("172.18.0.3:30007");
    expect(lessonTarget("web", view)).toBe("web");
    expect(lessonTarget("service:web", view)).toBe("10.96.0.20:80");
    expect(lessonTarget("service:default/np:8080", view)).toBe("10.96.0.30:8080");
    expect(() => lessonTarget("service:nope", view)).toThrow('no Service "default/nope"');
    expect(() => lessonTarget("node:kind-worker9:30007", view)).toThrow('no node named "kind-worker9"');
  });

  it("builds the engine's request from a lesson's send", () => {
    expect(lessonRequest({ from: "pod:default/testnet", to: "web:80" }, view)).toEqual({
      from: { type: "pod", namespace: "default", name: "testnet" },
      target: "web:80",
    });
    expect(lessonRequest({ from: "node:kind-worker", to: "web" }, view).from).toEqual({
      type: "node",
      node: "kind-worker",
    });
    expect(lessonRequest({ from: "external", to: "web" }, view).from).toEqual({ type: "external" });
  });

  it("finds the Service a target names: by name, by ClusterIP, by node IP and NodePort", () => {
    expect(serviceForTarget("web", view)?.name).toBe("web");
    expect(serviceForTarget("web.default:80", view)?.name).toBe("web");
    expect(serviceForTarget("10.96.0.30:80", view)?.name).toBe("np");
    expect(serviceForTarget("172.18.0.3:30007", view)?.name).toBe("np");
    expect(serviceForTarget("172.18.0.3:31000", view)).toBeUndefined();
  });
});
