/**
 * The cluster's configuration as a dump tells it: kubeadm's ClusterConfiguration from the
 * `kube-system/kubeadm-config` ConfigMap, kube-proxy's from `kube-system/kube-proxy` (`config.conf`),
 * the cluster domain from CoreDNS's Corefile, the service range from the `default/kubernetes`
 * Service, the pod range from the nodes' podCIDRs, the version from the kubelets. Each setting is
 * noted with where it came from; what the dump does not say gets a stated default.
 */
import type { ManifestDocument } from "../contract";
import { parseManifestText } from "../manifest";
import type { SourceRef } from "../types";
import type { ImportMessageKey } from "./messages";
import { newestTime } from "./newestTime";
import { podRange, serviceRange } from "./ranges";
import type { ImportNote } from "./report";

/** What the dump says about the cluster, as the config documents a fresh cluster is built from. */
export interface DumpSettings {
  /** ClusterConfiguration, KubeletConfiguration and KubeProxyConfiguration documents. */
  config: ManifestDocument[];
  notes: ImportNote[];
  /** The newest time the dump names (ms since the epoch), or undefined when it names none. */
  newest: number | undefined;
}

type Obj = Record<string, unknown>;

function rec(v: unknown): Obj | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function meta(o: Obj): Obj {
  return rec(o.metadata) ?? {};
}

function find(docs: readonly ManifestDocument[], kind: string, ns: string | undefined, name: string) {
  return docs.find(
    (d) =>
      d.object.kind === kind &&
      meta(d.object).name === name &&
      (ns === undefined || meta(d.object).namespace === ns),
  );
}

/** Where a ConfigMap's data key is written (its value starts there). */
function dataSource(doc: ManifestDocument, key: string): SourceRef {
  return doc.locate?.(["data", key]) ?? doc.source;
}

/**
 * The value without its `null` fields. kubeadm writes kube-proxy's unset pointer fields as `null`
 * (`masqueradeBit: null`); kube-proxy leaves them nil and defaults them (masqueradeBit to 14),
 * where decoding into plain fields would make them zero.
 */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  const o = rec(v);
  if (!o) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(o)) if (x !== null) out[k] = withoutNulls(x);
  return out;
}

/** The one config document of `kind` in a ConfigMap's data key (a kubeadm or kube-proxy file). */
function embedded(
  doc: ManifestDocument,
  key: string,
  kind: string,
  notes: ImportNote[],
): ManifestDocument | undefined {
  const text = str(rec(doc.object.data)?.[key]);
  const where = dataSource(doc, key);
  const label = `${meta(doc.object).namespace}/${meta(doc.object).name}`;
  if (text === undefined) return undefined;
  const parsed = parseManifestText(text, `${label} ${key}`);
  const found = parsed.documents.find((d) => d.object.kind === kind);
  if (!found) {
    const error = parsed.errors[0]?.message.replace(/\n$/, "");
    notes.push({
      type: "ignored",
      ...(error
        ? { key: "importNote.configUnreadable", values: { configMap: label, key, error } }
        : { key: "importNote.configMissing", values: { configMap: label, key, kind } }),
      source: where,
    });
    return undefined;
  }
  return {
    object: withoutNulls(found.object) as Obj,
    source: { file: where.file, line: doc.inlineStrings ? where.line : where.line + found.source.line },
  };
}

/**
 * Where kube-proxy's configuration file is: kubeadm (and kind) keep it in the `kube-proxy`
 * ConfigMap's `config.conf`; EKS in `kube-proxy-config`'s `config`, its `kube-proxy` ConfigMap
 * holding only the kubeconfig. The first of these with the key present.
 */
function proxyConfigMap(docs: readonly ManifestDocument[]): { cm?: ManifestDocument; key: string } {
  for (const [name, key] of [
    ["kube-proxy", "config.conf"],
    ["kube-proxy-config", "config"],
    ["kube-proxy", "config"],
  ] as const) {
    const cm = find(docs, "ConfigMap", "kube-system", name);
    if (cm && str(rec(cm.object.data)?.[key]) !== undefined) return { cm, key };
  }
  return { key: "config.conf" };
}

/** The zone the Corefile's kubernetes plugin serves (`kubernetes cluster.local in-addr.arpa ...`). */
function corefileZone(text: string): string | undefined {
  return /(?:^|\n)\s*kubernetes\s+([^\s{]+)/.exec(text)?.[1]?.replace(/\.$/, "");
}

/** The kubelets' version: the control plane's, else the first node's (`v1.32.2-eks-...` → v1.32.2). */
function kubeletVersion(docs: readonly ManifestDocument[]): string | undefined {
  const nodes = docs.filter((d) => d.object.kind === "Node");
  const cp = nodes.find((d) => "node-role.kubernetes.io/control-plane" in (rec(meta(d.object).labels) ?? {}));
  const v = str(rec(rec((cp ?? nodes[0])?.object.status)?.nodeInfo)?.kubeletVersion);
  return v ? /^v?\d+\.\d+\.\d+/.exec(v)?.[0] : undefined;
}

/** Reads the cluster's settings from a dump's objects. */
export function dumpSettings(docs: readonly ManifestDocument[]): DumpSettings {
  const notes: ImportNote[] = [];
  const config: ManifestDocument[] = [];
  type Values = Record<string, string>;
  const derived = (key: ImportMessageKey, values: Values, source?: SourceRef) =>
    notes.push({ type: "derived", key, values, ...(source ? { source } : {}) });
  const assumed = (key: ImportMessageKey, values: Values) => notes.push({ type: "assumed", key, values });

  const kubeadm = find(docs, "ConfigMap", "kube-system", "kubeadm-config");
  const cc = kubeadm ? embedded(kubeadm, "ClusterConfiguration", "ClusterConfiguration", notes) : undefined;
  const net = rec(cc?.object.networking) ?? {};
  const networking: Obj = {};
  const version = str(cc?.object.kubernetesVersion) ?? kubeletVersion(docs);
  if (version)
    derived(cc?.object.kubernetesVersion ? "importNote.versionKubeadm" : "importNote.versionKubelet", {
      version,
    });
  else assumed("importNote.versionDefault", { version: "v1.35.0" });

  const svcCidr = str(net.serviceSubnet);
  const inferredSvc = svcCidr ? undefined : serviceRange(docs);
  if (svcCidr) derived("importNote.serviceCidrKubeadm", { cidr: svcCidr }, cc?.source);
  else if (inferredSvc) {
    networking.serviceSubnet = inferredSvc.cidr;
    assumed(inferredSvc.from, { cidr: inferredSvc.cidr });
  } else assumed("importNote.serviceCidrDefault", { cidr: "10.96.0.0/12" });

  const { cm: proxyCm, key: proxyKey } = proxyConfigMap(docs);
  const proxy = proxyCm ? embedded(proxyCm, proxyKey, "KubeProxyConfiguration", notes) : undefined;

  const podCidr = str(net.podSubnet);
  if (podCidr) derived("importNote.podCidrKubeadm", { cidr: podCidr }, cc?.source);
  else {
    const proxyCidr = str(proxy?.object.clusterCIDR);
    const inferred = proxyCidr ? undefined : podRange(docs);
    if (proxyCidr) {
      networking.podSubnet = proxyCidr;
      derived("importNote.podCidrProxy", { cidr: proxyCidr });
    } else if (inferred) {
      networking.podSubnet = inferred.cidr;
      assumed(inferred.from, { cidr: inferred.cidr });
    } else assumed("importNote.podCidrDefault", { cidr: "10.244.0.0/16" });
  }

  const coredns = find(docs, "ConfigMap", "kube-system", "coredns");
  const corefile = coredns ? str(rec(coredns.object.data)?.Corefile) : undefined;
  const zone = corefile ? corefileZone(corefile) : undefined;
  const domain = str(net.dnsDomain) ?? zone;
  if (str(net.dnsDomain)) derived("importNote.domainKubeadm", { domain: domain ?? "" }, cc?.source);
  else if (zone && coredns) {
    networking.dnsDomain = zone;
    derived("importNote.domainCorefile", { domain: zone }, dataSource(coredns, "Corefile"));
  } else assumed("importNote.domainDefault", { domain: "cluster.local" });
  if (corefile) {
    const forward = /(?:^|\n)\s*forward\s+\.\s+([^\n{]+)/.exec(corefile)?.[1]?.trim();
    if (forward) {
      assumed("importNote.forward", { upstream: forward });
    }
  }

  if (cc) {
    config.push({ object: { ...cc.object, networking: { ...net, ...networking } }, source: cc.source });
  } else {
    config.push({
      object: {
        apiVersion: "kubeadm.k8s.io/v1beta4",
        kind: "ClusterConfiguration",
        ...(version ? { kubernetesVersion: version } : {}),
        networking,
      },
      source: kubeadm?.source ?? docs[0]?.source ?? { file: "", line: 1 },
    });
  }

  const dns = find(docs, "Service", "kube-system", "kube-dns");
  const dnsIP = str(rec(dns?.object.spec)?.clusterIP);
  if (dnsIP && dns) {
    const at = dns.locate?.(["spec", "clusterIP"]) ?? dns.source;
    derived("importNote.clusterDns", { ip: dnsIP }, at);
    config.push({
      object: {
        apiVersion: "kubelet.config.k8s.io/v1beta1",
        kind: "KubeletConfiguration",
        clusterDNS: [dnsIP],
        ...(domain ? { clusterDomain: domain } : {}),
      },
      source: dns.source,
    });
  }

  if (proxy && proxyCm) {
    const mode = str(proxy.object.mode) ?? "iptables";
    derived(
      "importNote.proxyMode",
      { mode, configMap: String(meta(proxyCm.object).name), key: proxyKey },
      proxy.source,
    );
    const detect = str(proxy.object.detectLocalMode) ?? "ClusterCIDR";
    if (proxy.object.clusterCIDR === "" && detect === "ClusterCIDR")
      derived(
        "importNote.proxyNoClusterCidr",
        { configMap: String(meta(proxyCm.object).name), key: proxyKey },
        proxy.source,
      );
    config.push(proxy);
  } else {
    assumed("importNote.proxyDefault", { mode: "iptables" });
  }
  assumed("importNote.nodePortRange", { range: "30000-32767" });
  assumed("importNote.podRouting", {});
  assumed("importNote.loadBalancer", {});
  return { config, notes, newest: newestTime(docs) };
}
