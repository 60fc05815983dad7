import type { TopologyView } from "../../../engine/view/topology";
import { useAppStore } from "../../store";
import { serviceTotal } from "../topology/serviceTotal";

interface Facts {
  services: number;
  endpoints: number;
}

/** Per view, computed once: the selectors run on every store change, and a view may hold 10,000 Services. */
const cache = new WeakMap<TopologyView, Facts>();

function facts(view: TopologyView): Facts {
  const cached = cache.get(view);
  if (cached) return cached;
  // Services with a virtual IP: what kube-proxy programs (headless and ExternalName have none).
  const proxied = view.services.filter((s) => s.clusterIP && !s.headless);
  const total = proxied.reduce((n, svc) => n + svc.endpoints.length, 0);
  // A view of a huge cluster may carry only its first Services; the rest count as proxied.
  const services = proxied.length + serviceTotal(view) - view.services.length;
  const computed = { services, endpoints: Math.max(1, Math.round(total / Math.max(1, proxied.length))) };
  cache.set(view, computed);
  return computed;
}

/** The current cluster's Service count (the chart's marker), or null before the first view. */
export function useCurrentServices(): number | null {
  return useAppStore((s) => (s.view ? facts(s.view).services : null));
}

/** The current cluster's mean endpoints per proxied Service, rounded, at least 1. */
export function useCurrentEndpoints(): number {
  return useAppStore((s) => (s.view ? facts(s.view).endpoints : 1));
}
