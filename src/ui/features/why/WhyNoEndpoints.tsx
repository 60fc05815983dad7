import { useEffect, useState } from "react";
import type { NoEndpointsAnswer, PodState } from "../../../engine/controllers/endpointslice/whyNoEndpoints";
import type { TopologyView } from "../../../engine/view/topology";
import { useT } from "../../i18n/useT";
import { engine } from "../../worker/client";
import "./why.css";

/** Services the list offers at most: a cluster with hundreds without endpoints lists the first. */
const LISTED = 8;

type ServiceRef = { namespace: string; name: string };

const label = (s: ServiceRef) => (s.namespace === "default" ? s.name : `${s.namespace}/${s.name}`);

/**
 * Beside the diagram, which badges Services with 0 endpoints: a "why?" for each, answered by the
 * engine (`Simulation.whyNoEndpoints`) and put in words here, in the user's language.
 */
export function WhyNoEndpoints({ view, bottom }: { view: TopologyView; bottom: number }) {
  const t = useT();
  const [open, setOpen] = useState<ServiceRef | null>(null);
  const [answer, setAnswer] = useState<NoEndpointsAnswer | null>(null);
  const empty = view.services.filter((s) => s.type !== "ExternalName" && s.endpoints.length === 0);
  const openKey = open ? `${open.namespace}/${open.name}` : "";
  // Asked again whenever the cluster changes: a fix applied shows at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: view.revision is the cluster's change.
  useEffect(() => {
    if (!open) return;
    let live = true;
    void engine
      .call<NoEndpointsAnswer>((api) => api.whyNoEndpoints(open.namespace, open.name))
      .then((a) => {
        if (live) setAnswer(a);
      });
    return () => {
      live = false;
    };
  }, [openKey, view.revision]);
  if (empty.length === 0) return null;
  return (
    <div className="why-endpoints" style={{ bottom: bottom + 8 }}>
      <ul aria-label={t("why.list")}>
        {empty.slice(0, LISTED).map((s) => {
          const key = `${s.namespace}/${s.name}`;
          return (
            <li key={key}>
              <button
                type="button"
                aria-expanded={openKey === key}
                onClick={() => {
                  setAnswer(null);
                  setOpen(openKey === key ? null : { namespace: s.namespace, name: s.name });
                }}
              >
                {t("why.ask", { service: label(s) })}
              </button>
            </li>
          );
        })}
      </ul>
      {open && answer ? (
        <section className="why-answer" aria-label={t("why.answer", { service: label(open) })}>
          <AnswerText answer={answer} service={open} />
          <button type="button" onClick={() => setOpen(null)}>
            {t("why.close")}
          </button>
        </section>
      ) : null}
    </div>
  );
}

function podLine(p: PodState, t: ReturnType<typeof useT>): string {
  const state = p.terminating ? t("why.terminating") : p.ip ? p.phase : `${p.phase}, ${t("why.noIp")}`;
  return `${p.name} (${state}${p.ready ? "" : `, ${t("topology.notReady")}`})`;
}

function AnswerText({ answer: a, service }: { answer: NoEndpointsAnswer; service: ServiceRef }) {
  const t = useT();
  const pairs = (o: Record<string, string>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
  switch (a.reason) {
    case "NotFound":
      return <p>{t("why.notFound", { service: label(service) })}</p>;
    case "ExternalName":
      return <p>{t("why.externalName")}</p>;
    case "HasEndpoints":
      return <p>{t("why.has", { count: a.ready })}</p>;
    case "NoSelector":
      return <p>{t("why.noSelector", { count: a.slices })}</p>;
    case "NoMatchingPods":
      return (
        <>
          <p>{t("why.noMatch", { selector: pairs(a.selector), namespace: service.namespace })}</p>
          {a.nearest.length ? (
            <>
              <p>{t("why.nearest")}</p>
              <ul>
                {a.nearest.map((n) => (
                  <li key={pairs(n.labels)}>
                    <code>{pairs(n.labels)}</code> ({t("why.pods", { count: n.podCount })}:{" "}
                    {n.pods.join(", ")}) —{" "}
                    {n.misses
                      .map((m) =>
                        m.have === undefined
                          ? t("why.missKey", { key: m.key, want: m.want })
                          : t("why.missValue", { key: m.key, want: m.want, have: m.have }),
                      )
                      .join("; ")}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("why.noNearest")}</p>
          )}
          {a.elsewhere.map((e) => (
            <p key={e.namespace}>{t("why.elsewhere", { namespace: e.namespace, count: e.pods })}</p>
          ))}
        </>
      );
    case "PodsNotRunning":
    case "PodsNotReady":
      return (
        <>
          <p>{t(a.reason === "PodsNotReady" ? "why.notReady" : "why.notRunning", { count: a.podCount })}</p>
          <ul>
            {a.pods.map((p) => (
              <li key={p.name}>{podLine(p, t)}</li>
            ))}
          </ul>
        </>
      );
    case "PortNotFound":
      return (
        <>
          <p>
            {t("why.portNotFound", {
              ports: a.ports.map((p) => `${p.name ?? p.port} → ${p.targetPort}`).join(", "),
              count: a.podCount,
            })}
          </p>
          <p>
            {a.declared.length ? t("why.declared", { ports: a.declared.join(", ") }) : t("why.declaredNone")}
          </p>
        </>
      );
    case "SlicesBehind":
      return <p>{t("why.slicesBehind", { count: a.podCount, pods: a.pods.join(", ") })}</p>;
  }
}
