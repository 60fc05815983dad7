/**
 * The few settings of CoreDNS's Corefile (ConfigMap kube-system/coredns)
 * that change what cluster DNS answers.
 */
import type { Cluster } from "../cluster";

export type PodsMode = "insecure" | "verified" | "disabled";

export interface CorefileSettings {
  /** The kubernetes plugin's `ttl` (default 5). */
  ttl: number;
  /** `pods insecure|verified|disabled` (plugin default disabled; kubeadm writes insecure). */
  pods: PodsMode;
  /** `endpoint_pod_names`: headless endpoints without a hostname are named after their pod. */
  endpointPodNames: boolean;
  /** The `loadbalance` plugin shuffles A/AAAA records in every answer. */
  loadbalance: boolean;
}

/** What Packetwalk assumes when there is no coredns ConfigMap: the plugin's TTL, kubeadm's `pods insecure`. */
export const DEFAULT_COREFILE: CorefileSettings = {
  ttl: 5,
  pods: "insecure",
  endpointPodNames: false,
  loadbalance: false,
};

/** Reads the kubernetes plugin block of a Corefile. Unknown or invalid settings keep their defaults. */
export function parseCorefile(text: string): CorefileSettings {
  // A Corefile that does not say `pods` gets the plugin's default, disabled.
  const settings: CorefileSettings = { ...DEFAULT_COREFILE, pods: "disabled" };
  const body = /(?:^|\n)\s*kubernetes\b[^{\n]*\{([^}]*)\}/.exec(text)?.[1];
  if (body !== undefined) {
    for (const line of body.split("\n")) {
      const [key, value] = line.trim().split(/\s+/);
      if (key === "ttl" && value !== undefined && /^\d+$/.test(value) && Number(value) <= 3600)
        settings.ttl = Number(value);
      if (key === "pods" && (value === "insecure" || value === "verified" || value === "disabled"))
        settings.pods = value;
      if (key === "endpoint_pod_names") settings.endpointPodNames = true;
    }
  }
  settings.loadbalance = /(?:^|\n)\s*loadbalance\b/.test(text);
  return settings;
}

/** The settings of the cluster's CoreDNS: from kube-system/coredns if present, else the defaults. */
export function corefileSettings(cluster: Cluster): CorefileSettings {
  const cm = cluster.store.get("ConfigMap", "kube-system", "coredns");
  const text = cm?.data?.Corefile;
  return text === undefined ? { ...DEFAULT_COREFILE } : parseCorefile(text);
}
