import type { TopologyView } from "../../../engine/view/topology";
import { useAppStore } from "../../store";

/** Services with a virtual IP: what kube-proxy programs (headless and ExternalName have none). */
function proxiedServices(view: TopologyView | null) {
  return (view?.services ?? []).filter((s) => s.clusterIP && !s.headless);
}

/** The current cluster's Service count (the chart's marker), or null before the first view. */
export function useCurrentServices(): number | null {
  return useAppStore((s) => (s.view ? proxiedServices(s.view).length : null));
}

/** The current cluster's mean endpoints per proxied Service, rounded, at least 1. */
export function useCurrentEndpoints(): number {
  return useAppStore((s) => {
    const services = proxiedServices(s.view);
    const total = services.reduce((n, svc) => n + svc.endpoints.length, 0);
    return Math.max(1, Math.round(total / Math.max(1, services.length)));
  });
}
