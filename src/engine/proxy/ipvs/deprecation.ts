/**
 * IPVS mode is deprecated.
 *
 * Kubernetes v1.35 deprecated kube-proxy's `ipvs` mode (KEP-5495) in
 * favour of `nftables`, which gives the same O(1) lookups with set/map
 * verdicts and none of IPVS's iptables leftovers. The KEP plans a
 * `KubeProxyIPVS` feature gate (~1.37), default-off (~1.40) and removal
 * (~1.43). Until then the mode works, and Packetwalk keeps it fully working
 * so the lesson's claims about hash tables and schedulers can be checked.
 */

/**
 * What kube-proxy logs (at error level, `server_linux.go`) right after
 * `"Using ipvs Proxier"`, and also records as a Warning Event with reason
 * `IPVSDeprecation` on its Node.
 */
export const deprecationNotice =
  "The ipvs proxier is now deprecated and may be removed in a future release. Please use 'nftables' instead.";

/** The Event reason kube-proxy uses for the same message. */
export const deprecationEventReason = "IPVSDeprecation";

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * The klog lines kube-proxy prints at start-up in IPVS mode, e.g.
 * `E0525 03:22:43.627358       1 server_linux.go:196] "The ipvs proxier is now deprecated…"`.
 * NOTE: the real source line numbers move between releases; these are v1.35's.
 */
export function deprecationLogLines(nowMs: number): string[] {
  const d = new Date(nowMs);
  const stamp = `${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(
    d.getUTCMinutes(),
    2,
  )}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds() * 1000, 6)}`;
  return [
    `I${stamp}       1 server_linux.go:194] "Using ipvs Proxier"`,
    `E${stamp}       1 server_linux.go:196] "${deprecationNotice}"`,
  ];
}
