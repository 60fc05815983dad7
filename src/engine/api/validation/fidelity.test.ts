import { describe, expect, it } from "vitest";
import { Simulation } from "../../simulation";

/** What `kubectl apply` reports for one manifest on a fresh cluster (1.35 unless `version`). */
function refusal(text: string, version?: string): string {
  const sim = new Simulation({ seed: 1 });
  if (version)
    sim.apply([
      {
        name: "c.yaml",
        text: `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: ${version}\n`,
      },
    ]);
  const r = sim.apply([{ name: "x.yaml", text }]);
  return r.errors.map((e) => e.message).join("\n");
}

const svc = (spec: string, meta = "name: a") =>
  `apiVersion: v1\nkind: Service\nmetadata: {${meta}}\nspec:\n${spec}`;

describe("validation the API server does, with its messages", () => {
  it("refuses a source range that is not a CIDR, and source ranges on a non-LoadBalancer Service", () => {
    expect(
      refusal(
        svc('  type: LoadBalancer\n  loadBalancerSourceRanges: ["10.0.0.0/33"]\n  ports: [{port: 80}]'),
      ),
    ).toBe(
      'The Service "a" is invalid: spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    );
    expect(refusal(svc('  loadBalancerSourceRanges: [" 10.0.0.0/8"]\n  ports: [{port: 80}]'))).toBe(
      "The Service \"a\" is invalid: spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    );
  });

  it("refuses a label value with a space and a label key that is not a qualified name", () => {
    expect(refusal(svc("  ports: [{port: 80}]", 'name: a, labels: {app: "my app"}'))).toBe(
      `The Service "a" is invalid: metadata.labels: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    expect(refusal(svc("  ports: [{port: 80}]", 'name: a, annotations: {"a/b/c": x}'))).toContain(
      'metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of',
    );
  });

  it("refuses IPv6 on a single-stack IPv4 cluster, and dual-stack", () => {
    expect(refusal(svc("  ipFamilies: [IPv6]\n  ports: [{port: 80}]"))).toBe(
      'The Service "a" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    );
    expect(refusal(svc("  ipFamilyPolicy: RequireDualStack\n  ports: [{port: 80}]"))).toBe(
      'The Service "a" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
  });

  it("refuses clusterIPs whose first value is not clusterIP", () => {
    expect(refusal(svc("  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.51]\n  ports: [{port: 80}]"))).toBe(
      'The Service "a" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.51"]: first value must match `clusterIP`',
    );
    expect(
      refusal(svc("  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.51]\n  ports: [{port: 80}]"), "v1.30.0"),
    ).toBe(
      'The Service "a" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.51"}: first value must match `clusterIP`',
    );
  });

  it("refuses EndpointSlice addresses that are not IPv4 addresses, so no data plane sees them", () => {
    const slice = (addr: string) =>
      `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: s}\naddressType: IPv4\nendpoints:\n- addresses: ["${addr}"]\nports: [{port: 80}]`;
    expect(refusal(slice("010.244.1.5"))).toBe(
      'The EndpointSlice "s" is invalid: endpoints[0].addresses[0]: Invalid value: "010.244.1.5": must be a valid IP address (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
    expect(refusal(slice("127.0.0.1"))).toBe(
      'The EndpointSlice "s" is invalid: endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    );
    expect(refusal(slice("fe80::1"))).toBe(
      'The EndpointSlice "s" is invalid: endpoints[0].addresses[0]: Invalid value: "fe80::1": must be an IPv4 address',
    );
    expect(refusal(slice("10.244.1.5"))).toBe("");
  });

  it("refuses Endpoints with a bad address or unnamed ports among several", () => {
    const ep =
      'apiVersion: v1\nkind: Endpoints\nmetadata: {name: g}\nsubsets:\n- addresses: [{ip: "10.0.0.300"}]\n  ports: [{port: 80}, {port: 81, name: b}]';
    expect(refusal(ep)).toBe(
      'The Endpoints "g" is invalid: \n* subsets[0].addresses[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n* subsets[0].ports[0].name: Required value',
    );
  });
});
