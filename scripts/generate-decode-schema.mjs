#!/usr/bin/env node
// Generates the engine's decode schema (src/engine/api/decode/schema.json): for every kind Packetwalk
// serves, the Go struct it decodes into — each field's JSON name and Go type as `reflect.Type.String()`
// prints it (`[]v1.ServicePort`, `v1.Protocol`, `int32`) — so the engine can refuse an ill-typed object
// with the API server's own decode error.
//
// The source is the Go type definitions themselves: OpenAPI does not keep Go's named types (`v1.Protocol`
// is only `string` there) and has no entry for the config kinds. Give the files of a checkout of each:
//
//   node scripts/generate-decode-schema.mjs \
//     --core   k8s.io/api/core/v1/types.go \
//     --apps   k8s.io/api/apps/v1/types.go \
//     --discovery k8s.io/api/discovery/v1/types.go \
//     --coordination k8s.io/api/coordination/v1/types.go \
//     --meta   k8s.io/apimachinery/pkg/apis/meta/v1/types.go \
//     --kubeproxy k8s.io/kube-proxy/config/v1alpha1/types.go \
//     --kubelet k8s.io/kubelet/config/v1beta1/types.go \
//     --kubeadm kubernetes/cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go \
//     --metallb metallb/api/v1beta1/ipaddresspool_types.go
//
// Then `npx biome format --write src/engine/api/decode/schema.json` (the repository keeps it formatted).
//
// Types from packages not given (component-base's logging and client configuration, kubeadm's Arg) are
// written as `any`: their fields are not checked.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outFile = join(root, "src/engine/api/decode/schema.json");

/** Package key → its Go package name and import path. */
const PACKAGES = {
  core: { name: "v1", path: "k8s.io/api/core/v1" },
  apps: { name: "v1", path: "k8s.io/api/apps/v1" },
  discovery: { name: "v1", path: "k8s.io/api/discovery/v1" },
  coordination: { name: "v1", path: "k8s.io/api/coordination/v1" },
  meta: { name: "v1", path: "k8s.io/apimachinery/pkg/apis/meta/v1" },
  kubeproxy: { name: "v1alpha1", path: "k8s.io/kube-proxy/config/v1alpha1" },
  kubelet: { name: "v1beta1", path: "k8s.io/kubelet/config/v1beta1" },
  kubeadm: { name: "v1beta4", path: "k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/v1beta4" },
  metallb: { name: "v1beta1", path: "go.universe.tf/metallb/api/v1beta1" },
};

/** Types whose own UnmarshalJSON decides (see decode/special.ts), by package path and name. */
const SPECIAL = {
  "k8s.io/apimachinery/pkg/util/intstr.IntOrString": "intstr.IntOrString",
  "k8s.io/apimachinery/pkg/api/resource.Quantity": "resource.Quantity",
  "k8s.io/apimachinery/pkg/apis/meta/v1.Time": "v1.Time",
  "k8s.io/apimachinery/pkg/apis/meta/v1.MicroTime": "v1.MicroTime",
  "k8s.io/apimachinery/pkg/apis/meta/v1.Duration": "v1.Duration",
  "k8s.io/apimachinery/pkg/apis/meta/v1.FieldsV1": "any",
  "k8s.io/apimachinery/pkg/runtime.RawExtension": "any",
  "k8s.io/apimachinery/pkg/types.UID": "named:types.UID:string",
  "k8s.io/apimachinery/pkg/types.NodeName": "named:types.NodeName:string",
};

/** The kinds and the struct each decodes into. */
const KINDS = {
  Namespace: "core.Namespace",
  Node: "core.Node",
  Pod: "core.Pod",
  Service: "core.Service",
  Endpoints: "core.Endpoints",
  ConfigMap: "core.ConfigMap",
  Deployment: "apps.Deployment",
  ReplicaSet: "apps.ReplicaSet",
  EndpointSlice: "discovery.EndpointSlice",
  Lease: "coordination.Lease",
  ClusterConfiguration: "kubeadm.ClusterConfiguration",
  KubeletConfiguration: "kubelet.KubeletConfiguration",
  KubeProxyConfiguration: "kubeproxy.KubeProxyConfiguration",
  IPAddressPool: "metallb.IPAddressPool",
};

const BUILTIN = new Set([
  "string",
  "bool",
  "int",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
  "byte",
]);

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const key of Object.keys(PACKAGES)) {
    if (!out[key]) throw new Error(`missing --${key} FILE (see the usage at the top of this script)`);
  }
  return out;
}

/** One Go file: its imports (alias → path), struct fields and named types. */
function parseGo(text) {
  const src = text.replace(/\/\/[^\n]*/g, "");
  const imports = {};
  for (const m of src.matchAll(/^\s*(\w+)?\s*"([^"]+)"\s*$/gm)) {
    imports[m[1] ?? m[2].split("/").pop()] = m[2];
  }
  const structs = {};
  for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
    const fields = [];
    for (const line of m[2].split("\n")) {
      const f = /^\s*(?:(\w+)\s+)?([*\w.[\]]+)\s*`([^`]*)`/.exec(line);
      if (!f) continue;
      const tag = /json:"([^"]*)"/.exec(f[3])?.[1];
      if (tag === undefined) continue;
      const [name, ...opts] = tag.split(",");
      if (name === "-") continue;
      fields.push({ goName: f[1], type: f[2], json: name, inline: opts.includes("inline") });
    }
    structs[m[1]] = fields;
  }
  const named = {};
  for (const m of src.matchAll(/^type (\w+) ((?:map\[[^\]]+\]|\[\])*[\w.]+)\s*$/gm)) named[m[1]] = m[2];
  return { imports, structs, named };
}

function main() {
  const files = args();
  const pkgs = {};
  const byPath = {};
  for (const [key, info] of Object.entries(PACKAGES)) {
    pkgs[key] = { ...info, ...parseGo(readFileSync(files[key], "utf8")) };
    byPath[info.path] = key;
  }
  const types = {};

  /** A type expression in package `pkg` → a schema type reference, or "any" when unknown. */
  function ref(pkg, expr) {
    if (expr.startsWith("*")) return ref(pkg, expr.slice(1));
    if (expr === "[]byte") return "[]byte";
    if (expr.startsWith("[]")) {
      const elem = ref(pkg, expr.slice(2));
      return elem === "any" ? "any" : `[]${elem}`;
    }
    const map = /^map\[([^\]]+)\](.+)$/.exec(expr);
    if (map) {
      const k = ref(pkg, map[1]);
      const v = ref(pkg, map[2]);
      return k === "any" || v === "any" ? "any" : `map[${k}]${v}`;
    }
    if (BUILTIN.has(expr)) return expr === "byte" ? "uint8" : expr;
    const dot = expr.indexOf(".");
    const path = dot >= 0 ? pkgs[pkg].imports[expr.slice(0, dot)] : pkgs[pkg].path;
    const name = dot >= 0 ? expr.slice(dot + 1) : expr;
    const special = SPECIAL[`${path}.${name}`];
    if (special) {
      if (special.startsWith("named:")) {
        const [, display, underlying] = special.split(":");
        types[display] ??= { go: display, is: underlying };
        return display;
      }
      return special;
    }
    const key = byPath[path];
    if (!key) return "any";
    return define(key, name);
  }

  /** Defines a named type of package `key` (once) and returns its reference. */
  function define(key, name) {
    const id = `${key}.${name}`;
    if (types[id]) return id;
    const p = pkgs[key];
    const go = `${p.name}.${name}`;
    if (p.structs[name]) {
      const entry = { go, fields: {} };
      types[id] = entry;
      const add = (owner, fields) => {
        for (const f of fields) {
          const embedded = f.goName === undefined;
          if (embedded && (f.json === "" || f.inline)) {
            const inner = f.type.replace(/^\*/, "");
            const dot = inner.indexOf(".");
            const path = dot >= 0 ? pkgs[owner].imports[inner.slice(0, dot)] : pkgs[owner].path;
            const innerKey = byPath[path];
            const innerName = dot >= 0 ? inner.slice(dot + 1) : inner;
            if (innerKey && pkgs[innerKey].structs[innerName])
              add(innerKey, pkgs[innerKey].structs[innerName]);
            continue;
          }
          const json = f.json || f.goName || f.type.replace(/^.*\./, "");
          entry.fields[json] = ref(owner, f.type);
        }
      };
      add(key, p.structs[name]);
      return id;
    }
    if (p.named[name]) {
      const under = ref(key, p.named[name]);
      if (under === "any") return "any";
      types[id] = { go, is: under };
      return id;
    }
    return "any";
  }

  const kinds = {};
  for (const [kind, target] of Object.entries(KINDS)) {
    const [key, name] = target.split(".");
    kinds[kind] = define(key, name);
  }
  const sorted = Object.fromEntries(
    Object.keys(types)
      .sort()
      .map((k) => [k, types[k]]),
  );
  writeFileSync(outFile, `${JSON.stringify({ kinds, types: sorted })}\n`);
  process.stdout.write(
    `wrote ${outFile}: ${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types\n`,
  );
}

main();
