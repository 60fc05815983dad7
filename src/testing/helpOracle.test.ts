/**
 * Help texts against the real tools: each `kubectl COMMAND --help` Packetwalk has equals
 * kubectl 1.32's; `kubectl --help` equals kubectl's with the lines of commands Packetwalk does
 * not have removed (and only those); bash's `help` equals this machine's bash (5.2.15, as on
 * kind's nodes) at 80 columns. Skips a tool that is not installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { Simulation } from "../engine/simulation";
import { KUBECTL_1_32 } from "./realKubectl.testkit";

const COMMANDS = [
  "apply",
  "cluster-info",
  "create",
  "delete",
  "describe",
  "exec",
  "explain",
  "expose",
  "get",
  "label",
  "logs",
  "patch",
  "run",
  "scale",
  "version",
];

const real = (args: string[]) =>
  execFileSync(KUBECTL_1_32 as string, args, {
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: "/tmp", KUBECONFIG: "/dev/null", LANG: "C" },
  });

describe.skipIf(!KUBECTL_1_32)("kubectl help, with the real kubectl as the oracle", () => {
  const sim = new Simulation({ seed: 1 });
  beforeAll(() => sim.loadAssets());
  for (const c of COMMANDS) {
    it(`kubectl ${c} --help, -h and kubectl help ${c}`, () => {
      const text = real([c, "--help"]);
      expect(sim.run(`kubectl ${c} --help`).stdout).toBe(text);
      expect(sim.run(`kubectl ${c} -h`).stdout).toBe(text);
      expect(sim.run(`kubectl help ${c}`).stdout).toBe(text);
    });
  }

  it("kubectl --help is kubectl's, less the lines of commands Packetwalk has not", () => {
    const ours = sim.run("kubectl --help").stdout;
    const theirs = real(["--help"]).split("\n");
    const removed = theirs.filter((line) => !ours.split("\n").includes(line));
    expect(removed.every((line) => /^ {2}[a-z-]+ {2,}\S/.test(line))).toBe(true);
    expect(theirs.filter((line) => !removed.includes(line)).join("\n")).toBe(ours);
    expect(sim.run("kubectl").stdout).toBe(ours);
  });

  it("kubectl help NOPE: cobra's note and the command list on stderr, exit 0 (the list cut as above)", () => {
    const out = sim.run("kubectl help nope");
    const theirs = spawnSync(KUBECTL_1_32 as string, ["help", "nope"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: "/tmp", KUBECONFIG: "/dev/null" },
    });
    expect({ stdout: out.stdout, code: out.exitCode }).toEqual({
      stdout: theirs.stdout,
      code: theirs.status,
    });
    const kept = out.stderr.split("\n");
    const removed = theirs.stderr.split("\n").filter((line) => !kept.includes(line));
    expect(removed.every((line) => /^ {2}[a-z-]+ {2,}\S/.test(line))).toBe(true);
    expect(
      theirs.stderr
        .split("\n")
        .filter((line) => !removed.includes(line))
        .join("\n"),
    ).toBe(out.stderr);
  });
});

describe.skipIf(!existsSync("/bin/bash"))("bash's help, with this machine's bash as the oracle", () => {
  const bash = (script: string) =>
    execFileSync("/bin/bash", ["-c", script], {
      encoding: "utf8",
      env: { PATH: "/usr/bin:/bin", COLUMNS: "80" },
    });
  const version = bash("echo $BASH_VERSION").trim();
  it.skipIf(version !== "5.2.15(1)-release")("help and help NAME on a node", async () => {
    const sim = new Simulation({ seed: 1 });
    await sim.loadAssets();
    expect(sim.run("help").stdout).toBe(bash("help"));
    expect(sim.run("help cd echo").stdout).toBe(bash("help cd echo"));
    const nope = sim.run("help nope");
    expect(nope.stderr).toBe(
      "bash: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.\n",
    );
    expect(nope.exitCode).toBe(1);
  });
});
