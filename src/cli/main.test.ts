import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
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
