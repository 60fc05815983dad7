import { describe, expect, it } from "vitest";
import { ParseError, parseCommandLine } from "./tokenize";

describe("parseCommandLine", () => {
  it("splits words and keeps quoted spaces", () => {
    const [p] = parseCommandLine(
      `kubectl run -it --image nicolaka/netshoot testnet -- sh -c 'echo "hi there"'`,
    );
    expect(p!.commands[0]!.argv).toEqual([
      "kubectl",
      "run",
      "-it",
      "--image",
      "nicolaka/netshoot",
      "testnet",
      "--",
      "sh",
      "-c",
      'echo "hi there"',
    ]);
  });

  it("builds pipelines and lists", () => {
    const ps = parseCommandLine("iptables-save | grep KUBE-SVC && echo ok; echo done");
    expect(ps.map((p) => p.commands.map((c) => c.argv[0]))).toEqual([
      ["iptables-save", "grep"],
      ["echo"],
      ["echo"],
    ]);
    expect(ps.map((p) => p.next)).toEqual(["&&", ";", null]);
  });

  it("reads redirections", () => {
    const [p] = parseCommandLine("curl -s web > /dev/null 2>>err.log");
    expect(p!.commands[0]!.redirects).toEqual([
      { fd: 1, target: "/dev/null", append: false },
      { fd: 2, target: "err.log", append: true },
    ]);
  });

  it("drops comments and treats an empty line as nothing", () => {
    expect(parseCommandLine("   # just a note")).toEqual([]);
  });

  it("refuses an unterminated quote", () => {
    expect(() => parseCommandLine("echo 'oops")).toThrow(ParseError);
  });
});
