import type { HopConntrack } from "../../../engine/net/hopWalk";
import { say } from "../../../engine/net/messages";
import { useT } from "../../i18n/useT";
import { useTraceWords } from "./useTraceWords";

const tuple = (x: HopConntrack["orig"]) => `src=${x.src} dst=${x.dst} sport=${x.sport} dport=${x.dport}`;

/**
 * The connection's conntrack entry at this hop: found or confirmed, its state and both tuples, and
 * the line `conntrack -L` prints for it — on the hop's node: each node (each network namespace)
 * keeps its own table, and the tool lists the table of the host it runs on.
 */
export function ConntrackView({ ct, node }: { ct: HopConntrack; node: string }) {
  const t = useT();
  const words = useTraceWords();
  return (
    <div className="inspector-ct">
      <p className="inspector-ct-event">{words(say(`ct.${ct.event}`))}</p>
      <dl>
        {ct.state ? (
          <>
            <dt>{t("inspector.ctState")}</dt>
            <dd>
              <code>{ct.state}</code>
            </dd>
          </>
        ) : null}
        <dt>{t("inspector.ctOriginal")}</dt>
        <dd>
          <code>{tuple(ct.orig)}</code>
        </dd>
        <dt>{t("inspector.ctReply")}</dt>
        <dd>
          <code>{tuple(ct.reply)}</code>
        </dd>
      </dl>
      <p className="inspector-note">{t("inspector.ctList", { node })}</p>
      <code className="inspector-line">{ct.line}</code>
    </div>
  );
}
