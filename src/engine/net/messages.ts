/**
 * The engine's own words in a trace — a hop's note, a trace's message — as
 * message keys with values. The English templates live here, once: the
 * terminal prints them, and the UI's English catalogue takes them as they
 * are while its Korean one translates every key. What a real tool prints
 * (curl's errors, rules, routes, conntrack lines) is never a message: it
 * stays the tool's bytes.
 */

/** A template, or one per plural form (CLDR's names, as `Intl.PluralRules` picks them by `count`). */
export type MessageTemplate = string | { one?: string; other: string };

export const TRACE_MESSAGES = {
  "hop.leavesPod": "leaves the pod's netns over its veth pair ({veth} on {node})",
  "hop.toItself": "to itself over lo",
  "hop.intoPod": "over {dev} into the pod's eth0",
  "hop.noPodHolds": "no pod holds {ip} on {node}: ARP gets no answer",
  "hop.wireOut": "{from} → {ip} (outside the cluster)",
  "hop.wireNodes": "{from} ({fromIp}) → {to} ({toIp})",
  "hop.wireIn": "{client} → node {node} eth0",
  "hop.noAnnouncer": "no node announces {ip} (MetalLB L2 needs an eligible node)",
  "hop.metallb": "MetalLB L2: node {node} answers ARP for {ip}; the packet arrives there unchanged",
  "hop.clusterOnly":
    "{ip} is not routed outside the cluster: ClusterIPs and pod IPs are reachable only from nodes and pods",
  "hop.noRoute": "no route from {client} to {ip}",
  "hop.routeLocal": "local delivery (INPUT)",
  "hop.routePod": "to a pod on this node via cni0 → {dev}",
  "hop.routePodHost": "to a pod on this node by its host route over {dev}",
  "hop.routeNode": "to node {node}",
  "hop.routeOut": "leaves the cluster via the default route",
  "hop.ipvsForward": "IPVS forwards to the real server",
  "hop.established": "existing connection: nat table skipped",
  "hop.cniMasquerade": "the CNI masquerades pod traffic leaving the cluster (not kube-proxy)",
  "hop.policyAccept": "no rule matched: chain policy ACCEPT",
  "hop.icmpBack": "ICMP {icmp} back to {client}: connect() fails with ECONNREFUSED",
  "hop.listens": "{listener} listens on {port}; it sees the client as {client}",
  "hop.nothingListens":
    "nothing listens on {port}: the kernel answers RST (containerPort does not open ports)",
  "hop.dnsDirect": "asked {server}:53 (not a cluster address: answered directly)",
  "hop.dnsTries": {
    one: "{count} query through the search list (only the first is walked)",
    other: "{count} queries through the search list (only the first is walked)",
  },
  "hop.nodeResolver": "the node's resolver does not know the cluster domain",
  "trace.dropped": "the packet was dropped: the client will time out",
  "trace.nodeNotFound": 'node "{node}" not found',
  "trace.podNotFound": 'pods "{pod}" not found',
  "trace.noPodIp": 'pod "{pod}" has no IP yet',
  "trace.notScheduled": "the pod is not scheduled",
  "trace.routingLoop": "routing loop",
  "trace.outside": "{ip} is outside the cluster: the connection left through the default route",
  "trace.noReply": "the reply never reached the client",
  "trace.portInUse": "{address} is held by a live connection of this client: the port cannot be bound",
  "trace.internalError": "internal error: {reason} (a bug in Packetwalk's engine: nothing was sent)",
  "walk.chain": { one: "{chain} ({count} rule)", other: "{chain} ({count} rules)" },
  "walk.fold": {
    one: "{count} rule not matching, tested (rule {from})",
    other: "{count} rules not matching, each tested (rules {from}–{to})",
  },
  "walk.foldDraws": {
    one: "{count} rule not matching, tested (rule {from}), {draws} random draws",
    other: "{count} rules not matching, each tested (rules {from}–{to}), {draws} random draws",
  },
  "walk.decides": "decides",
  "walk.why": "{chain} rule {n} → {action}: {test}",
  "walk.whyRest": {
    one: "{chain} rule {n} → {action}: the roll before it missed, and this last rule takes every packet left",
    other:
      "{chain} rule {n} → {action}: the {count} rolls before it missed, and this last rule takes every packet left",
  },
  "walk.statisticHit": "drew {draw} < {probability}: match",
  "walk.statisticMiss": "drew {draw} ≥ {probability}: no match",
  "walk.recentSeen": "{address} last seen {age} s ago in {list} (window {seconds} s)",
  "walk.recentStale": "{address} last seen {age} s ago in {list}: older than {seconds} s",
  "walk.recentUnseen": "{address} is not in {list}",
  "walk.recentSet": "{list} remembers {address} now",
  "walk.ipsetHit": "{key} is in {set}",
  "walk.ipsetMiss": "{key} is not in {set}",
  "walk.vmapHit": "{key} found in @{map}: {verdict}",
  "walk.vmapMiss": "{key} is not in @{map}",
  "walk.setHit": "{key} is in @{set}",
  "walk.setLive": "{key} is in @{set}, expires in {seconds} s",
  "walk.setMiss": "{key} is not in @{set}",
  "walk.numgen": "numgen drew {value} (0–{max}): {element}",
  "walk.numgenDrew": "numgen drew {value} (0–{max})",
  "walk.update": "@{set} remembers {key} for {seconds} s",
  "ipvs.service": "virtual service found: {line}",
  "ipvs.noService": "no virtual service for {key}: not IPVS traffic",
  "ipvs.existing": "connection entry {connection}: its real server again",
  "ipvs.reply": "reply of {connection}: the source becomes the virtual address again",
  "ipvs.templateReused": "persistence template of this client: {dest}",
  "ipvs.templateNew": "new persistence template for this client: {dest}",
  "ipvs.noDest": "no real server available: ICMP port unreachable",
  "ipvs.masq": "Masq to {dest}",
  "ipvs.rrFirst": "rr: no choice yet, the list's first server with weight > 0: {dest}",
  "ipvs.rrNext": "rr: last choice {previous}, the next with weight > 0: {dest}",
  "ipvs.order": "the servers in the kernel's list order: {dests}",
  "ipvs.wrr": "wrr: current weight {cw} (max {mw}, step {gcd}), the next with weight ≥ {cw}: {dest}",
  "ipvs.lc": "lc: the fewest connections (active × 256 + inactive): {dest}",
  "ipvs.wlc": "wlc: the least (active × 256 + inactive) / weight: {dest}",
  "ipvs.lcTie":
    "lc: {count} servers tie at the fewest connections, {cost}; the kernel keeps the first in its list (strict <): {dest}",
  "ipvs.lcTieAll": "lc: all {count} servers at {cost}; the first in the list is taken: {dest}",
  "ipvs.wlcTie":
    "wlc: {count} servers tie at the least (active × 256 + inactive) / weight, {cost}; the kernel keeps the first in its list (strict >): {dest}",
  "ipvs.wlcTieAll": "wlc: all {count} servers at {cost}; the first in the list is taken: {dest}",
  "ipvs.sed": "sed: the shortest expected delay (active + 1) / weight, {delay}: {dest}",
  "ipvs.sedTie":
    "sed: {count} servers tie at the shortest expected delay, {delay}; the kernel keeps the first in its list (strict >): {dest}",
  "ipvs.sedTieAll": "sed: all {count} servers at {delay}; the first in the list is taken: {dest}",
  "ipvs.nqIdle": "nq: {dest} has no active connection: chosen at once",
  "ipvs.nqIdleFirst":
    "nq: {count} servers have no active connection; the kernel takes the first it meets in its list: {dest}",
  "ipvs.nq": "nq: no idle server; the shortest expected delay (active + 1) / weight, {delay}: {dest}",
  "ipvs.nqTie":
    "nq: no idle server; {count} servers tie at the shortest expected delay, {delay}; the kernel keeps the first in its list (strict >): {dest}",
  "ipvs.nqTieAll":
    "nq: no idle server; all {count} servers at {delay}; the first in the list is taken: {dest}",
  "ipvs.delayRow": "{dest}: {active} active, weight {weight} → ({active} + 1) / {weight} = {delay}",
  "ipvs.quiescedRow": "{dest}: {active} active, weight 0: quiesced, no new connection",
  "ipvs.row": "{dest}: {active} active, {inactive} inactive, weight {weight} → {cost}",
  "ipvs.sh": "sh: hash of the source {input}: bucket {bucket} of {size}, owned by {owner}",
  "ipvs.dh": "dh: hash of the destination {input}: bucket {bucket} of {size}, owned by {owner}",
  "ipvs.mh": "mh: hash of {input}: slot {bucket} of {size} in the Maglev table, owned by {owner}",
  "ipvs.fallback": "{owner} has weight 0: the fallback takes {dest}",
  "ipvs.localityUsed": "{scheduler}: {daddr} is cached on {cached}: used",
  "ipvs.localityOverloaded": "{scheduler}: {daddr} is cached on {cached}, overloaded: wlc chooses {dest}",
  "ipvs.localityUnavailable":
    "{scheduler}: {daddr} was cached on {cached}, no longer available: wlc chooses {dest}",
  "ipvs.localityNone": "{scheduler}: nothing cached for {daddr}: wlc chooses {dest}",
  "endpoints.noSelector": {
    one: "{service} has no selector: its endpoints are the EndpointSlices someone writes, and its {count} slice lists none ready",
    other:
      "{service} has no selector: its endpoints are the EndpointSlices someone writes, and its {count} slices list none ready",
  },
  "endpoints.noMatch":
    "{service} has no endpoints: no pod in namespace {namespace} has the labels {selector}",
  "endpoints.noMatchNear": {
    one: "{service} has no endpoints: no pod in namespace {namespace} has the labels {selector}; the nearest, {count} pod, has {labels}",
    other:
      "{service} has no endpoints: no pod in namespace {namespace} has the labels {selector}; the nearest, {count} pods, have {labels}",
  },
  "endpoints.notRunning": {
    one: "{service} has no endpoints: the pod its selector picks is not running with an IP ({pods})",
    other:
      "{service} has no endpoints: the {count} pods its selector picks are not running with an IP ({pods})",
  },
  "endpoints.notReady": {
    one: "{service} has no endpoints: the pod its selector picks is not ready ({pods})",
    other: "{service} has no endpoints: the {count} pods its selector picks are not ready ({pods})",
  },
  "endpoints.portNotFound": {
    one: "{service} has no endpoints: the pod its selector picks declares no port named {targetPort} (it declares {declared})",
    other:
      "{service} has no endpoints: none of the {count} pods its selector picks declares a port named {targetPort} (they declare {declared})",
  },
  "endpoints.portNotFoundNone": {
    one: "{service} has no endpoints: the pod its selector picks declares no port named {targetPort} (it declares no ports)",
    other:
      "{service} has no endpoints: none of the {count} pods its selector picks declares a port named {targetPort} (they declare no ports)",
  },
  "endpoints.slicesBehind": {
    one: "{service} has no endpoints in its EndpointSlices yet, though {count} pod qualifies ({pods})",
    other: "{service} has no endpoints in its EndpointSlices yet, though {count} pods qualify ({pods})",
  },
  "ct.new": "conntrack: new entry",
  "ct.original": "conntrack: entry found",
  "ct.reply": "conntrack: entry found (a reply)",
} as const satisfies Record<string, MessageTemplate>;

export type TraceMessageKey = keyof typeof TRACE_MESSAGES;

/** The engine's words: a key and the values its template names. */
export interface TraceMessage {
  key: TraceMessageKey;
  values?: Record<string, string | number>;
}

/** A message with its values. */
export function say(key: TraceMessageKey, values?: Record<string, string | number>): TraceMessage {
  return values ? { key, values } : { key };
}

/** The message in English, as the terminal prints it. */
export function english(m: TraceMessage): string {
  const t: MessageTemplate = TRACE_MESSAGES[m.key];
  const values = m.values;
  const template = typeof t === "string" ? t : values?.count === 1 && t.one ? t.one : t.other;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? valueText(values[name]!) : all,
  );
}

/** A number with thousands grouped, as the UI's English prints it (9,997); text as it is. */
function valueText(v: string | number): string {
  if (typeof v === "string" || !Number.isInteger(v)) return String(v);
  const digits = String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return v < 0 ? `-${digits}` : digits;
}
