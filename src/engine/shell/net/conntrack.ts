/**
 * `conntrack -L [-p tcp|udp]` and `conntrack -C` on a node, as
 * conntrack-tools 1.4.7 prints them: entries on stdout, the
 * "flow entries have been shown" trailer on stderr.
 */
import { formatConntrackEntry } from "../../net/conntrack";
import type { Command } from "../types";

const VERSION = "conntrack v1.4.7 (conntrack-tools)";

export const conntrack: Command = (args, env) => {
  if (env.context.type !== "node") {
    return { stdout: "", stderr: `${VERSION}: Operation failed: Operation not permitted\n`, exitCode: 1 };
  }
  const node = env.context.node;
  let proto: string | undefined;
  let mode: "L" | "C" | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-L" || a === "--dump") mode = "L";
    else if (a === "-C" || a === "--count") mode = "C";
    else if (a === "-p" || a === "--proto") proto = args[++i]?.toUpperCase();
    else
      return {
        stdout: "",
        stderr: `${VERSION}: Unknown argument ${a}\nTry \`conntrack -h' for more information.\n`,
        exitCode: 2,
      };
  }
  if (!mode)
    return {
      stdout: "",
      stderr: `${VERSION}: no command specified\nTry \`conntrack -h' for more information.\n`,
      exitCode: 2,
    };
  const now = env.cluster.clock.now();
  const entries = env.net.conntrackEntries(node).filter((e) => !proto || e.proto === proto);
  if (mode === "C") return { stdout: `${entries.length}\n`, stderr: "", exitCode: 0 };
  const stdout = entries.map((e) => `${formatConntrackEntry(e, now)}\n`).join("");
  return { stdout, stderr: `${VERSION}: ${entries.length} flow entries have been shown.\n`, exitCode: 0 };
};
