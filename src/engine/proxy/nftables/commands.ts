/**
 * The `nft` command on a node: `nft list ruleset|tables|table|chain|set|map`
 * over the node's kube-proxy table, with nft's own error texts (nft 1.0.6).
 * NOTE: a real node's `nft list ruleset` also shows other components'
 * tables (iptables-nft's `ip filter`/`ip nat` from kubelet and the CNI, and
 * `ip6 kube-proxy` on dual-stack nodes); kube-proxy in nftables mode itself
 * creates only `ip kube-proxy` here, so that is all we show. On a node whose
 * kube-proxy runs another mode there is no kube-proxy table at all.
 */

import type { Command, CommandResult } from "../../shell/types";
import { fail, ok } from "../../shell/types";
import type { NodeDataPlane } from "../types";
import { isNftablesDataPlane, type NftablesDataPlane } from "./dataPlane";
import { TABLE } from "./names";

const FAMILIES = new Set(["ip", "ip6", "inet", "arp", "bridge", "netdev"]);

/** What nft prints in a container without CAP_NET_ADMIN (a pod's default). */
export const NFT_PERMISSION_ERROR =
  "Operation not permitted (you must be root)\nnetlink: Error: cache initialization failed: Operation not permitted\n";

/** nft's error with the command echoed and `^^^` under token `index`. */
function errorAt(message: string, tokens: string[], index: number): CommandResult {
  const line = tokens.join(" ");
  const col = tokens.slice(0, index).reduce((n, t) => n + t.length + 1, 0);
  const width = index < tokens.length ? (tokens[index] ?? "").length : 1;
  return fail(
    `Error: ${message}\n${line}\n${" ".repeat(index < tokens.length ? col : line.length)}${"^".repeat(width)}\n`,
  );
}

function listObject(plane: NftablesDataPlane | undefined, tokens: string[], nowMs: number): CommandResult {
  const what = tokens[1] ?? "";
  let i = 2;
  const family = FAMILIES.has(tokens[i] ?? "") ? tokens[i++] : "ip";
  const tableAt = i;
  const table = tokens[i++];
  if (table === undefined)
    return errorAt("syntax error, unexpected newline, expecting string", tokens, tokens.length);
  const haveTable = plane !== undefined && family === "ip" && table === TABLE;
  if (what === "table") {
    if (tokens.length > i) return errorAt(`syntax error, unexpected string`, tokens, i);
    return haveTable ? ok(plane.listTable(nowMs)) : errorAt("No such file or directory", tokens, tableAt);
  }
  const name = tokens[i];
  if (name === undefined)
    return errorAt("syntax error, unexpected newline, expecting string", tokens, tokens.length);
  if (!haveTable) return errorAt("No such file or directory", tokens, tableAt);
  const text =
    what === "chain" ? plane.listChain(name) : plane.listSet(what === "map" ? "map" : "set", name, nowMs);
  return text === undefined ? errorAt("No such file or directory", tokens, i) : ok(text);
}

/**
 * `nft`, wired by the shell with a way to reach a node's data plane. In a
 * pod it fails as nft does without CAP_NET_ADMIN.
 */
export function nftCommand(getDataPlane: (node: string) => NodeDataPlane | undefined): Command {
  return (args, env) => {
    if (args.length === 0) return fail("nft: no command specified\n");
    if (env.context.type === "pod") return fail(NFT_PERMISSION_ERROR);
    const found = getDataPlane(env.context.node);
    const plane = isNftablesDataPlane(found) ? found : undefined;
    const nowMs = env.cluster.clock.now();
    const tokens = [...args];
    if (tokens[0] !== "list") return errorAt(`syntax error, unexpected ${tokens[0]}`, tokens, 0);
    switch (tokens[1]) {
      case undefined:
        return errorAt("syntax error, unexpected newline", tokens, tokens.length);
      case "ruleset":
        return ok(plane ? plane.listTable(nowMs) : "");
      case "tables":
        return ok(plane ? `table ip ${TABLE}\n` : "");
      case "table":
      case "chain":
      case "set":
      case "map":
        return listObject(plane, tokens, nowMs);
      default:
        return errorAt(`syntax error, unexpected ${tokens[1]}`, tokens, 1);
    }
  };
}
