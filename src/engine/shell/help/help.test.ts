import { describe, expect, it } from "vitest";
import { Simulation } from "../../simulation";
import { ashHelp } from "./help";

const POD = (name: string, image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: c
      image: ${image}
      command: ["sleep", "3600"]
`;

describe("help, in the shell of the current context", () => {
  it("busybox ash lists its builtins as helpcmd does (a new line past 60 columns)", () => {
    expect(ashHelp().stdout).toBe(
      "Built-in commands:\n------------------\n" +
        "\t. : [ [[ alias bg break cd chdir command continue echo eval exec\n" +
        "\texit export false fg getopts hash help history jobs kill let\n" +
        "\tlocal printf pwd read readonly return set shift source test times\n" +
        "\ttrap true type ulimit umask unalias unset wait\n",
    );
  });

  it("node bash, netshoot's bash 5.1, busybox's ash; a shell without the builtin says not found", async () => {
    const sim = new Simulation({ seed: 1 });
    await sim.loadAssets();
    sim.apply([
      { name: "pods.yaml", text: [POD("bb", "busybox:1.36"), POD("web", "nginx:1.27")].join("---\n") },
    ]);
    expect(sim.run("help").stdout.split("\n")[0]).toBe(
      "GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)",
    );
    sim.run("kubectl run -it --image nicolaka/netshoot shell -- bash");
    expect(sim.run("help").stdout.split("\n")[0]).toBe(
      "GNU bash, version 5.1.16(1)-release (x86_64-alpine-linux-musl)",
    );
    sim.run("exit");
    sim.run("kubectl exec -it bb -- sh");
    expect(sim.run("help")).toMatchObject({ stdout: ashHelp().stdout, exitCode: 0 });
    sim.run("exit");
    sim.run("kubectl exec -it web -- sh");
    expect(sim.run("help")).toMatchObject({ stdout: "", exitCode: 127 });
  });
});
