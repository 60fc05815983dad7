import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Simulation } from "../simulation";
import { english } from "./messages";

const WEB_POD = { type: "pod" as const, namespace: "default", name: "web-7c5ddbdf54-2xkqp" };

async function imported(file: string): Promise<Simulation> {
  const sim = new Simulation();
  const report = await sim.importCluster({
    name: file,
    text: readFileSync(`testdata/import/${file}`, "utf8"),
  });
  expect(report.imported).toBe(true);
  return sim;
}

function service(sim: Simulation, name: string, selector: string, targetPort: string): void {
  const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: ${selector}\n  ports:\n    - name: web\n      port: 80\n      targetPort: ${targetPort}\n`;
  expect(sim.apply([{ name: `${name}.yaml`, text }]).errors).toEqual([]);
}

describe("a packet refused for want of an endpoint says why", () => {
  for (const [file, mode] of [
    ["kind.yaml", "iptables"],
    ["kind-ipvs.json", "ipvs"],
    ["kind-nftables.yaml", "nftables"],
  ] as const) {
    it(`${mode} (${file}): a named targetPort the pods do not declare, on the refusing hop and the trace`, async () => {
      const sim = await imported(file);
      service(sim, "admin", "web", "https");
      const trace = sim.send({ from: WEB_POD, target: "admin", port: 80 });
      expect(trace.mode).toBe(mode);
      expect(trace.verdict).toBe("rejected");
      const why =
        "default/admin:web has no endpoints: none of the 3 pods its selector picks declares a port named https (they declare http (80/TCP))";
      expect(english(trace.noEndpoints!)).toBe(why);
      const last = trace.hops[trace.hops.length - 1]!;
      expect(english(last.noEndpoints!)).toBe(why);
      expect(trace.hops.filter((h) => h.noEndpoints)).toHaveLength(1);
      expect(sim.run("trace --from default/web-7c5ddbdf54-2xkqp admin:80").stdout).toContain(`why: ${why}`);
    });
  }

  it("a selector no pod matches names the nearest labels; through a NodePort from outside too", async () => {
    const sim = await imported("kind.yaml");
    service(sim, "webb", "webb", "http");
    const trace = sim.send({ from: WEB_POD, target: "webb", port: 80 });
    expect(english(trace.noEndpoints!)).toBe(
      "default/webb:web has no endpoints: no pod in namespace default has the labels app=webb; the nearest, 3 pods, have app=web,pod-template-hash=7c5ddbdf54",
    );
    const svc = sim.objects().find((o) => o.kind === "Service" && o.metadata.name === "webb") as {
      spec: { ports: { nodePort: number }[] };
    };
    const node = sim.view().nodes[1]!;
    const outside = sim.send({
      from: { type: "external" },
      target: `${node.internalIP}:${svc.spec.ports[0]!.nodePort}`,
    });
    expect(outside.verdict).toBe("rejected");
    expect(outside.noEndpoints?.key).toBe("endpoints.noMatchNear");
  });

  it("pods not ready: the Service as imported, once its pods fail their probes", async () => {
    const sim = await imported("kind.yaml");
    for (const p of sim.view().pods.filter((p) => p.labels.app === "web"))
      sim.setPodReady("default", p.name, false);
    const trace = sim.send({ from: WEB_POD, target: "web", port: 80 });
    expect(trace.verdict).toBe("rejected");
    expect(trace.noEndpoints).toMatchObject({ key: "endpoints.notReady", values: { count: 3 } });
  });

  it("a delivered packet, or one to a Service with endpoints, carries no such answer", async () => {
    const sim = await imported("kind.yaml");
    const trace = sim.send({ from: WEB_POD, target: "web", port: 80 });
    expect(trace.verdict).toBe("delivered");
    expect(trace.noEndpoints).toBeUndefined();
    expect(trace.hops.some((h) => h.noEndpoints)).toBe(false);
  });
});
