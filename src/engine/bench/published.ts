/**
 * Published measurements of kube-proxy's data-plane cost, kept as data with
 * their sources, so the chart can show them beside the model and the model
 * can be calibrated on them. Only what a source states (or what its chart
 * shows, read off its geometry) is recorded; each note says which.
 */
import type { ProxyMode } from "../api/configTypes";

export interface PublishedPoint {
  mode: ProxyMode;
  /** Cluster size, in Services. */
  services: number;
  value: number;
  /** `ms`, `% of one core`, `rules`. */
  unit: string;
  metric: string;
  source: string;
  note: string;
  /** True for the points the latency model is fitted to. */
  usedInFit: boolean;
}

export const K8S_NFTABLES_BLOG = "https://kubernetes.io/blog/2025/02/28/nftables-kube-proxy/";
export const TIGERA_IPTABLES_VS_IPVS =
  "https://www.tigera.io/blog/comparing-kube-proxy-modes-iptables-or-ipvs/";

/**
 * How the blog's iptables values were obtained: its chart `iptables-only.svg`
 * (kubernetes/website, content/en/blog/_posts/2025-02-28-nftables-kube-proxy)
 * draws one bar per percentile (p01, p50, p90, p99) and cluster size (green
 * 5000, yellow 10,000, red 30,000 Services) on an axis of 0–0.8 ms spanning
 * y = 332.45 → 111.78; value = (332.45 − bar top) / 275.83. Bar tops are whole
 * pixels, so each value is ±0.002 ms. The raw numbers are in a spreadsheet
 * the post links to, which we could not read.
 */
const CHART = "read off the post's chart iptables-only.svg (bar height, ±0.002 ms)";

function blogIptables(
  services: number,
  percentile: string,
  barTop: number,
  usedInFit: boolean,
): PublishedPoint {
  return {
    mode: "iptables",
    services,
    value: Math.round(((332.45 - barTop) / 275.83) * 10_000) / 10_000,
    unit: "ms",
    metric: `first-packet latency ${percentile}`,
    source: K8S_NFTABLES_BLOG,
    note: CHART,
    usedInFit,
  };
}

/** Every published point we hold. */
export const PUBLISHED_POINTS: readonly PublishedPoint[] = [
  blogIptables(5000, "p01", 328, false),
  blogIptables(10000, "p01", 329, false),
  blogIptables(30000, "p01", 321, false),
  blogIptables(5000, "p50", 319, true),
  blogIptables(10000, "p50", 315, true),
  blogIptables(30000, "p50", 257, true),
  blogIptables(5000, "p90", 299, false),
  blogIptables(10000, "p90", 280, false),
  blogIptables(30000, "p90", 196, false),
  blogIptables(5000, "p99", 290, false),
  blogIptables(10000, "p99", 261, false),
  blogIptables(30000, "p99", 135, false),
  {
    mode: "nftables",
    services: 5000,
    value: 0.0161,
    unit: "ms",
    metric: "first-packet latency p50",
    source: K8S_NFTABLES_BLOG,
    note:
      "the post's text: at 5000 and 10,000 Services nftables p50 is 'about the same as' iptables p01; " +
      "value = iptables p01 read off its chart (the nftables chart itself was not available to us)",
    usedInFit: true,
  },
  {
    mode: "nftables",
    services: 10000,
    value: 0.0125,
    unit: "ms",
    metric: "first-packet latency p50",
    source: K8S_NFTABLES_BLOG,
    note: "as for 5000 Services: ≈ iptables p01 (the post's text), read off the iptables chart",
    usedInFit: true,
  },
  {
    mode: "nftables",
    services: 30000,
    value: 0.0415,
    unit: "ms",
    metric: "first-packet latency p99 (upper bound)",
    source: K8S_NFTABLES_BLOG,
    note: "the post's text: nftables' worst case beats iptables' best case (p01) 'by a few microseconds' — a bound, not a value",
    usedInFit: false,
  },
  {
    mode: "iptables",
    services: 10000,
    value: 35,
    unit: "% of one core",
    metric: "node CPU, client sending 1,000 requests/s, a new connection each",
    source: TIGERA_IPTABLES_VS_IPVS,
    note:
      "stated in the post's text for 10,000 Services × 10 pods (checked in a full translation, helight.info; " +
      "the chart and its other sizes not verified). Not a latency: shown, not fitted",
    usedInFit: false,
  },
  {
    mode: "ipvs",
    services: 10000,
    value: 8,
    unit: "% of one core",
    metric: "node CPU, client sending 1,000 requests/s, a new connection each",
    source: TIGERA_IPTABLES_VS_IPVS,
    note: "as for iptables: stated in the text (via the translation); not fitted",
    usedInFit: false,
  },
  {
    mode: "iptables",
    services: 10000,
    value: 20000,
    unit: "rules",
    metric: "iptables rules executed per new connection",
    source: TIGERA_IPTABLES_VS_IPVS,
    note:
      "the post's 'nearly 20,000' at 10,000 Services × 10 pods (2019 kube-proxy rules; via the translation). " +
      "Its round-trip times are only in a chart image: not recorded (the text says the modes differ only " +
      "beyond 1,000 Services, and only without keepalive)",
    usedInFit: false,
  },
];

/**
 * Figures circulated for the blog's p50 (iptables 0.047 / 0.059 / 0.272 ms,
 * nftables ≈ 0.014 ms) that neither the post's text nor its chart states
 * exactly; kept for reference, not used.
 */
export const UNVERIFIED_BLOG_P50 = { iptables: [0.047, 0.059, 0.272], nftables: 0.014 } as const;
