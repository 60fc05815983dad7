/**
 * A source port chosen by the client (curl's `--local-port`, the send form's Source port): the
 * packet carries it, mh (kube-proxy gives it the mh-port flag) hashes it with the source address, and
 * a port a live connection of the client holds cannot be bound — in curl's words.
 */
import { describe, expect, it } from "vitest";
import type { SendRequest } from "../../net/contract";
import { ipvsOf } from "../../net/hopWalk.testkit";
import type { Trace } from "../../net/types";
import { Simulation } from "../../simulation";
import { parseLocalPort } from "./curlArgs";
import { CLIENT, WEB } from "./webCluster.testkit";

const MANIFESTS = `${WEB}---\n${CLIENT}`;

function mhCluster(): Simulation {
  const sim = new Simulation({ seed: 5 });
  sim.apply([{ name: "web.yaml", text: MANIFESTS }]);
  sim.advanceClock(30_000);
  sim.setProxyMode("ipvs", "mh");
  return sim;
}

const FROM: SendRequest["from"] = { type: "pod", namespace: "default", name: "client" };

/** The request's first TCP packet (after any DNS lookup). */
function sent(t: Trace) {
  return t.hops.find((h) => h.direction === "request" && h.packet.proto === "TCP")?.packet;
}

/** The mh line of the trace's IPVS hop. */
function mhLine(t: Trace): string {
  // The web connection's: the DNS lookup before it went through IPVS too.
  const walk = t.hops
    .flatMap((h) => ipvsOf(h.walk))
    .filter((w) => w.schedule)
    .at(-1);
  const r = walk?.schedule?.reason;
  return r?.rule === "hash" ? `${r.input} ${r.bucket} ${r.owner}` : "";
}

describe("curl --local-port: curl's parse_localport", () => {
  it("a port, or FROM-TO with a blank either side of the dash", () => {
    expect(parseLocalPort("40000")).toEqual({ from: 40000, tries: 1 });
    expect(parseLocalPort("40000-40009")).toEqual({ from: 40000, tries: 10 });
    expect(parseLocalPort("40000 - 40001")).toEqual({ from: 40000, tries: 2 });
    expect(parseLocalPort("65535")).toEqual({ from: 65535, tries: 1 });
  });

  it("anything else is badly used", () => {
    for (const bad of ["", "x", " 40000", "65536", "40000-", "40000-39999", "40000--5", "40000-70000", "4e4"])
      expect(parseLocalPort(bad), bad).toBeUndefined();
  });

  it("curl prints its own errors for a bad or missing value", () => {
    const sim = mhCluster();
    const bad = sim.run("kubectl exec client -- curl --local-port 70000 web");
    expect(bad.stderr).toBe(
      "curl: option --local-port: is badly used here\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
    expect(bad.exitCode).toBe(2);
    const missing = sim.run("kubectl exec client -- curl web --local-port");
    expect(missing.stderr).toBe(
      "curl: option --local-port: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
  });
});

describe("a chosen source port", () => {
  it("is the packet's source port, and curl -v says it bound it", () => {
    const sim = mhCluster();
    const r = sim.run("kubectl exec client -- curl -sv --local-port 40000 web");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/\* {3}Trying [\d.]+:80\.\.\.\n\* Local port: 40000\n/);
    const t = r.effects?.find((e) => e.type === "trace");
    expect(t?.type === "trace" && sent(t.trace)?.sport).toBe(40000);
  });

  it("held by a live connection of the client: curl (45), or the next port of its range", () => {
    const sim = mhCluster();
    sim.run("kubectl exec client -- curl -s --local-port 40000 web");
    const again = sim.run("kubectl exec client -- curl -sSv --local-port 40000 web");
    expect(again.exitCode).toBe(45);
    expect(again.stderr).toContain(
      "* bind failed with errno 98: Address already in use\n* closing connection #0\ncurl: (45) bind failed with errno 98: Address already in use\n",
    );
    const range = sim.run("kubectl exec client -- curl -sv --local-port 40000-40001 web");
    expect(range.exitCode).toBe(0);
    expect(range.stderr).toContain("* Bind to local port 40000 failed, trying next\n* Local port: 40001\n");
    // Once the closed connection's conntrack entry has expired (TIME_WAIT, 120 s), the port binds again.
    sim.advanceClock(121_000);
    expect(sim.run("kubectl exec client -- curl -s --local-port 40000 web").exitCode).toBe(0);
  });

  it("mh with mh-port: the same source address and port land in the same Maglev slot, on the same server", () => {
    const sim = mhCluster();
    const first = sim.send({ from: FROM, target: "web", sport: 40000 });
    const other = sim.send({ from: FROM, target: "web", sport: 40001 });
    expect(sent(first)?.sport).toBe(40000);
    expect(mhLine(first)).toMatch(/^[\d.]+:40000 \d+ [\d.]+:8080$/);
    expect(mhLine(other)).toMatch(/^[\d.]+:40001 /);
    // The first connection still holds 40000: refused, in the engine's words and curl's.
    const held = sim.send({ from: FROM, target: "web", sport: 40000 });
    expect(held.verdict).toBe("dropped");
    expect(held.says?.key).toBe("trace.portInUse");
    expect(held.message).toBe("curl: (45) bind failed with errno 98: Address already in use");
    // After the connections expire, the same port: the same slot and server.
    sim.advanceClock(432_001_000);
    const second = sim.send({ from: FROM, target: "web", sport: 40000 });
    expect(mhLine(second)).toBe(mhLine(first));
    expect(second.backend).toEqual(first.backend);
  });

  it("trace --sport: the packet leaves from that port, and trace -v shows mh hashing it", () => {
    const sim = mhCluster();
    const out = sim.run("trace -v --from client --sport 40000 web").stdout;
    expect(out).toMatch(/mh: hash of [\d.]+:40000: slot [\d,]+ of 4,093 in the Maglev table, owned by /);
    expect(sim.run("trace --sport 0 web")).toMatchObject({
      exitCode: 2,
      stderr: 'trace: invalid source port "0": 1 to 65535\n',
    });
  });

  it("a burst takes ephemeral ports", () => {
    const sim = mhCluster();
    const { traces } = sim.burst({ from: FROM, target: "web", sport: 40000 }, 3);
    expect(traces.every((t) => t.verdict === "delivered")).toBe(true);
  });
});
