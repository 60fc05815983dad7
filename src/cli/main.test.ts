import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

function cli(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

// Each test starts a Node process (with tsx): generous timeouts, as a loaded machine may be slow.
describe("packetwalk CLI: refusals and text from manifests", { timeout: 120_000 }, () => {
  it("prints a decode refusal as FILE:LINE: at the offending field, and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
    const file = join(dir, "web.yaml");
    writeFileSync(file, "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: 80\n");
    const r = cli(["-f", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${file}:6: Error from server (BadRequest): error when creating "${file}": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort\n`,
    );
  });

  it("never writes a control sequence from an object field to the terminal", () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
    const file = join(dir, "ok.yaml");
    writeFileSync(
      file,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n  annotations:\n    evil: "\\e]0;pwned\\a\\e[2J"\nspec:\n  ports: [{port: 80}]\n',
    );
    const r = cli(["-f", file, "-c", "kubectl describe svc ok", "-c", "kubectl get svc ok -o yaml"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Annotations:              evil: ^[]0;pwned^G^[[2J\n");
    expect(r.stdout.includes(String.fromCharCode(7)) || r.stdout.includes(String.fromCharCode(27))).toBe(
      false,
    );
  });
});

describe("packetwalk --import", { timeout: 120_000 }, () => {
  it("imports a dump, prints what it read and assumed on stderr, then the commands' output", () => {
    const r = cli([
      "--import",
      "testdata/import/kind.yaml",
      "-c",
      "kubectl get svc -A",
      "-c",
      "trace --from default/web-7c5ddbdf54-2xkqp web:80",
    ]);
    expect(r.status).toBe(0);
    const err = r.stderr.split("\n");
    expect(err[0]).toBe(
      "packetwalk: imported testdata/import/kind.yaml: 3 nodes, 8 pods, 3 services, 8 configmaps, 3 endpointslices",
    );
    expect(err).toContain(
      "testdata/import/kind.yaml:1407: derived: kube-proxy in iptables mode (from kube-proxy's config.conf)",
    );
    expect(err).toContain(
      "assumed: pod-to-pod traffic between nodes is routed straight to the node holding the pod (the CNI's routing and encapsulation are not in a dump)",
    );
    expect(
      r.stdout.startsWith("NAMESPACE     NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)"),
    ).toBe(true);
    expect(r.stdout).toContain(
      "default       web          NodePort    10.96.184.22   <none>        80:30080/TCP",
    );
    expect(r.stdout).toContain(
      "trace from pod default/web-7c5ddbdf54-2xkqp (10.244.1.2) to web:80, kube-proxy mode iptables\n",
    );
    expect(r.stdout).toMatch(
      /verdict: delivered \(backend default\/web-7c5ddbdf54-(2xkqp 10\.244\.1\.2|9vbwn 10\.244\.2\.2):80/,
    );
  });

  it("imports kubeadm's and EKS's dumps and traces through their own kube-proxy's rules", () => {
    const kubeadm = cli([
      "--import",
      "testdata/import/kubeadm.json",
      "-c",
      "trace --from external 192.168.56.10:31080",
      "-c",
      "ipvsadm -Ln -t 10.112.84.17:80",
    ]);
    expect(kubeadm.status).toBe(0);
    expect(kubeadm.stderr.split("\n")[0]).toBe(
      "packetwalk: imported testdata/import/kubeadm.json: 3 nodes, 19 pods, 5 services, 14 configmaps, 5 endpointslices",
    );
    expect(kubeadm.stderr).toContain(
      "testdata/import/kubeadm.json:5120: derived: kube-proxy in ipvs mode (from kube-proxy's config.conf)\n",
    );
    expect(kubeadm.stdout).toContain(
      "trace from external client (203.0.113.10) to 192.168.56.10:31080, kube-proxy mode ipvs\n",
    );
    expect(kubeadm.stdout).toContain("TCP  192.168.56.10:31080 sh");
    expect(kubeadm.stdout).toMatch(
      /verdict: delivered \(backend shop\/storefront-6d9f8b7c54-\w{5} 10\.32\.\d\.\d+:80/,
    );
    expect(kubeadm.stdout).toContain("TCP  10.112.84.17:80 sh\n  -> 10.32.1.14:80");

    const eks = cli([
      "--import",
      "testdata/import/eks.yaml",
      "-c",
      "trace --from shop/frontend-5f7c9d8b6d-f5zpl frontend:80",
    ]);
    expect(eks.status).toBe(0);
    expect(eks.stderr).toMatch(
      /^testdata\/import\/eks\.yaml:\d+: derived: kube-proxy in iptables mode \(from kube-proxy-config's config\)$/m,
    );
    expect(eks.stdout).toContain("to frontend:80, kube-proxy mode iptables\n");
    expect(eks.stdout).toMatch(
      /verdict: delivered \(backend shop\/frontend-5f7c9d8b6d-\w{5} 192\.168\.\d+\.\d+:8080/,
    );
  });

  it("imports a JSON dump from stdin and applies manifests on top of it", () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
    const extra = join(dir, "api.yaml");
    writeFileSync(
      extra,
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 8080\n    targetPort: 80\n",
    );
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(ROOT, "src/cli/main.ts"),
        "--import",
        "-",
        "-f",
        extra,
        "-c",
        "ipvsadm -Ln -t 10.96.184.22:80",
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
        input: readFileSync(join(ROOT, "testdata/import/kind-ipvs.json"), "utf8"),
      },
    );
    expect(r.status).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe(
      "packetwalk: imported STDIN: 3 nodes, 8 pods, 3 services, 7 configmaps, 3 endpointslices",
    );
    expect(r.stdout).toContain("TCP  10.96.184.22:80 rr\n");
  });

  it("says where a dump cannot be read, and exits 1 without running the commands", () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
    const file = join(dir, "dump.yaml");
    writeFileSync(file, "apiVersion: v1\nkind: List\nitems:\n- kind: Node\n  metadata: {name: [\n");
    const r = cli(["--import", file, "-c", "kubectl get nodes"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")}:\\d+: error: error parsing `));
  });
  it("imports a dump given with -f first, as --import does, instead of applying it beside the simulated cluster", () => {
    const r = cli(["-f", "testdata/import/kind.yaml", "-c", "kubectl get pods -A -o wide"]);
    expect(r.status).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe(
      "packetwalk: imported testdata/import/kind.yaml: 3 nodes, 8 pods, 3 services, 8 configmaps, 3 endpointslices",
    );
    const ips = r.stdout
      .split("\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[6]);
    // The dump's eight pods with the addresses the cluster gave them, each once: nothing of the
    // simulated cluster is left beside them.
    expect(new Set(ips)).toEqual(
      new Set([
        "10.244.1.2",
        "10.244.2.2",
        "10.244.2.3",
        "10.244.0.2",
        "10.244.0.4",
        "172.18.0.3",
        "172.18.0.2",
        "172.18.0.4",
      ]),
    );
    expect(ips).toHaveLength(8);
  });

  it("refuses a dump after other -f files: importing it would replace what they applied", () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
    const extra = join(dir, "api.yaml");
    writeFileSync(
      extra,
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n  - port: 80\n",
    );
    const r = cli(["-f", extra, "-f", "testdata/import/kind.yaml", "-c", "kubectl get svc"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "packetwalk: testdata/import/kind.yaml is a cluster dump: importing it replaces the cluster, so it comes first (--import testdata/import/kind.yaml, or the first -f)\n",
    );
  });
});
