/** The packet source for the shell's context, and curl's close. */
import type { PacketSource } from "../../net/contract";
import type { Trace } from "../../net/types";
import type { CommandEnv } from "../types";

/** The shell's context as a packet source. */
export function sourceOf(env: CommandEnv): PacketSource {
  const c = env.context;
  return c.type === "pod"
    ? { type: "pod", namespace: c.namespace, name: c.pod }
    : { type: "node", node: c.node };
}

/** curl closes its connection when done: conntrack moves it to TIME_WAIT. */
export function closeConnection(env: CommandEnv, trace: Trace): void {
  env.net.closeConnection(trace);
}
