/**
 * Cluster DNS: CoreDNS with the kubernetes plugin, answering from the object
 * store, plus the stub resolver each pod runs.
 */
import type { Kind } from "../api/types";
import type { Cluster } from "../cluster";
import type { Dns, DnsResponse, PodRef, ResolveResult, RRType } from "./contract";
import type { DnsIndex } from "./dnsIndex";
import { buildDnsIndex } from "./dnsIndex";
import { podHostsFile } from "./hosts";
import { fqdn, inZone, ipFromReverseName } from "./names";
import type { ResolvConf } from "./resolvConf";
import { nodeResolvConf, podResolvConf, renderResolvConf } from "./resolvConf";
import { dnsServerKind, kubeDnsServiceIPs } from "./servers";
import { stubResolve } from "./stub";
import { queryUpstream } from "./upstream";
import type { ZoneContext } from "./zone";
import { answerReverse, answerZone } from "./zone";

/** Kinds the zone is built from. */
const DNS_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  "Service",
  "EndpointSlice",
  "Namespace",
  "Pod",
  "ConfigMap",
]);
/** Kinds whose changes bump the SOA serial (CoreDNS tracks Services, EndpointSlices and Namespaces). */
const SERIAL_KINDS: ReadonlySet<Kind> = new Set<Kind>(["Service", "EndpointSlice", "Namespace"]);

/**
 * `Dns` with CoreDNS semantics. The zone index is built lazily and rebuilt
 * only after a relevant store change.
 */
export class ClusterDns implements Dns {
  private cached: DnsIndex | undefined;
  private dirty = true;
  private lastChangeMs: number;

  constructor(private readonly cluster: Cluster) {
    this.lastChangeMs = cluster.clock.now();
    cluster.store.subscribe((event) => {
      if (!DNS_KINDS.has(event.kind)) return;
      this.dirty = true;
      if (SERIAL_KINDS.has(event.kind)) this.lastChangeMs = cluster.clock.now();
    });
  }

  /** The current zone index (rebuilding it if the store changed). */
  index(): DnsIndex {
    const zone = this.cluster.config.dnsDomain.replace(/\.$/, "");
    if (this.dirty || !this.cached || this.cached.zone !== zone) {
      this.cached = buildDnsIndex(this.cluster);
      this.dirty = false;
    }
    return this.cached;
  }

  /** The SOA serial: Unix seconds of the virtual clock at the last change. */
  get serial(): number {
    return Math.floor(this.lastChangeMs / 1000);
  }

  query(name: string, type: RRType): DnsResponse {
    const index = this.index();
    const ctx: ZoneContext = {
      serial: this.serial,
      dnsServiceIPs: kubeDnsServiceIPs(this.cluster),
      forward: (n, t) => queryUpstream(n, t, this.cluster.clock.now()),
    };
    const qname = fqdn(name);
    const reverseIP = qname.endsWith(".arpa.") ? ipFromReverseName(qname) : undefined;
    if (reverseIP !== undefined && type === "PTR") return answerReverse(index, ctx, qname, reverseIP);
    if (!inZone(qname, index.zone)) return ctx.forward(qname, type);
    const response = answerZone(index, ctx, qname, type);
    return index.settings.loadbalance ? this.shuffled(response) : response;
  }

  /** The `loadbalance` plugin: A/AAAA records in random order, CNAMEs first. */
  private shuffled(response: DnsResponse): DnsResponse {
    const addresses = response.answer.filter((r) => r.type === "A" || r.type === "AAAA");
    if (addresses.length < 2) return response;
    for (let i = addresses.length - 1; i > 0; i--) {
      const j = this.cluster.prng.intn(i + 1);
      [addresses[i], addresses[j]] = [addresses[j]!, addresses[i]!];
    }
    const others = response.answer.filter((r) => r.type !== "A" && r.type !== "AAAA");
    return { ...response, answer: [...others, ...addresses] };
  }

  /** A query sent to `server`:53: cluster DNS, an upstream resolver, or nothing (`undefined`). */
  queryServer(server: string, name: string, type: RRType): DnsResponse | undefined {
    const kind = dnsServerKind(this.cluster, server);
    if (kind === "cluster") return this.query(name, type);
    if (kind === "upstream") return queryUpstream(name, type, this.cluster.clock.now());
    return undefined;
  }

  /** The resolver configuration of a pod, parsed. */
  podResolvConf(pod: PodRef): ResolvConf {
    return podResolvConf(this.cluster, this.cluster.store.get("Pod", pod.namespace, pod.name), pod.namespace);
  }

  resolvConf(pod: PodRef): string {
    return renderResolvConf(this.podResolvConf(pod));
  }

  resolve(pod: PodRef, name: string): ResolveResult {
    const object = this.cluster.store.get("Pod", pod.namespace, pod.name);
    const conf = this.podResolvConf(pod);
    const hosts = object ? podHostsFile(this.cluster, object) : "";
    return stubResolve(name, conf, (n, t) => this.queryServer(conf.nameservers[0] ?? "", n, t), hosts);
  }

  /** A node's resolver: the node's resolv.conf, which asks the upstream resolver, not cluster DNS. */
  resolveOnNode(name: string): ResolveResult {
    const conf = nodeResolvConf();
    return stubResolve(name, conf, (n, t) => this.queryServer(conf.nameservers[0] ?? "", n, t));
  }
}

export { buildDnsIndex };
