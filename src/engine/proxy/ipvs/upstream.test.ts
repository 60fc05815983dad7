import { describe, expect, it } from "vitest";
import { Cluster } from "../../cluster";
import type { CommandEnv } from "../../shell/types";
import { iptablesSave } from "../iptables/netfilter";
import { makeIpset, makeIpvsadm } from "./commands";
import { createIpvsMode } from "./mode";
import { TEST_NODE, UPSTREAM_CASES, type UpstreamCase } from "./upstream.testkit";

/** Whitespace runs as one space: ipvsadm pads its columns, the expectations do not. */
const squeeze = (s: string): string => s.trim().split(/\s+/).join(" ");

/** `ipvsadm -Ln` read back: each virtual server's line → its real servers as `IP:PORT WEIGHT`. */
function virtualServers(listing: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of listing.split("\n")) {
    const rs = /^\s+-> (\d\S*)\s+\S+\s+(\d+)/.exec(line);
    if (rs && current) current.push(`${rs[1]} ${rs[2]}`);
    else if (/^(TCP|UDP|SCTP) /.test(line)) {
      current = [];
      out.set(squeeze(line), current);
    }
  }
  return out;
}

/** `ipset list NAME`'s members, sorted (as upstream's checkIPSet sorts both sides). */
function members(listing: string): string[] {
  const at = listing.indexOf("Members:\n");
  return listing
    .slice(at + "Members:\n".length)
    .split("\n")
    .filter((l) => l !== "")
    .sort();
}

/** iptables-save's `-A` rules as chain, target and the set a rule matches. */
function jumps(save: string): { chain: string; target: string; set: string }[] {
  return save
    .split("\n")
    .filter((l) => l.startsWith("-A "))
    .map((l) => ({
      chain: l.split(" ")[1] as string,
      target: / -j (\S+)/.exec(l)?.[1] ?? "",
      set: / --match-set (\S+)/.exec(l)?.[1] ?? "",
    }));
}

function run(c: UpstreamCase) {
  const mode = createIpvsMode();
  const dp = mode.build(c.input, TEST_NODE);
  const cluster = new Cluster(1);
  const env = {
    cluster,
    context: { type: "node", node: TEST_NODE, cwd: "/root" },
    stdin: "",
    files: new Map(),
  } as unknown as CommandEnv;
  const now = cluster.clock.now();
  return {
    ipvsadm: makeIpvsadm(mode.dataPlane)(["-Ln"], env).stdout,
    ipset: (name: string) => makeIpset(mode.dataPlane)(["list", name], env).stdout,
    save:
      iptablesSave(dp.iptables(), { table: "nat", nowMs: now }) +
      iptablesSave(dp.iptables(), { table: "filter", nowMs: now }),
  };
}

/**
 * Upstream kube-proxy's IPVS proxier tests, held against what Packetwalk's
 * IPVS mode programs for the same Services and EndpointSlices, read through
 * `ipvsadm -Ln`, `ipset list` and `iptables-save` (upstream.testkit.ts says
 * how each upstream check is written).
 */
describe("upstream pkg/proxy/ipvs/proxier_test.go", () => {
  for (const c of UPSTREAM_CASES)
    describe(c.name, () => {
      const out = run(c);
      const table = virtualServers(out.ipvsadm);

      if (c.ipvs) {
        const expected = c.ipvs;
        it("programs upstream's whole IPVS table", () => {
          const want = new Map(Object.entries(expected).map(([vs, rs]) => [squeeze(vs), [...rs].sort()]));
          const got = new Map([...table].map(([vs, rs]) => [vs, [...rs].sort()]));
          expect(got).toEqual(want);
        });
      }

      if (c.checkIPVS) {
        const { count, vs, rs } = c.checkIPVS;
        it(`programs ${count} virtual servers (checkIPVS)`, () => {
          expect(table.size).toBe(count);
          const found = table.get(squeeze(vs));
          if (found) expect(found).toEqual(rs);
        });
      }

      for (const [set, want] of Object.entries(c.ipsets ?? {}))
        it(`ipset ${set} holds upstream's members`, () => {
          expect(members(out.ipset(set))).toEqual([...want].sort());
        });

      for (const [chain, want] of Object.entries(c.iptables ?? {}))
        it(`${chain} jumps where upstream's does`, () => {
          const rules = jumps(out.save).filter((r) => r.chain === chain);
          for (const [target, set] of want)
            expect(
              rules.some((r) => r.target === target && (set === "" || r.set === set)),
              `-A ${chain} ${set ? `--match-set ${set} ` : ""}-j ${target}`,
            ).toBe(true);
        });
    });
});
