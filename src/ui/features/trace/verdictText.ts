import type { Trace } from "../../../engine/net/types";
import type { MessageKey, MessageValues } from "../../i18n/useT";

type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * A trace's outcome in words: the pod that answered, or — for an endpoint that is no pod (the API
 * server on a node's address, a host-network process) — the address the request reached.
 */
export function verdictText(t: Translate, trace: Trace): string {
  if (trace.verdict !== "delivered") return t(`trace.verdict.${trace.verdict}`);
  if (trace.backend)
    return t("trace.verdict.delivered", {
      pod: trace.backend.pod,
      ip: `${trace.backend.ip}:${trace.backend.port}`,
    });
  const reached = trace.hops.findLast((h) => h.direction === "request");
  return reached
    ? t("trace.verdict.deliveredTo", { ip: `${reached.packet.dst}:${reached.packet.dport}` })
    : t("trace.verdict.deliveredHere");
}
