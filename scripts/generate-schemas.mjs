#!/usr/bin/env node
// Generates the editor's JSON Schema definitions for the Kubernetes kinds Packetwalk understands,
// from the TSDoc-commented .d.ts files of the installed `kubernetes-models` package (their text is
// Kubernetes' own OpenAPI descriptions). The config kinds (kubeadm, kubelet, kube-proxy, MetalLB) are
// written by hand in src/ui/features/editor/monaco/configSchemas.ts.
//
// Usage: node scripts/generate-schemas.mjs   (writes src/engine/api/openapi/kubernetes.json)
//
// The schema follows the Kubernetes release the engine emulates, so it is made from the
// kubernetes-models release that matches it (MODELS below), installed into a cache folder for this
// run: the project's own devDependency is an older release that still installs on Node 20 and is
// used for types only.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The kubernetes-models release made from Kubernetes 1.35's OpenAPI document. */
const MODELS = "kubernetes-models@5.1.0";

/** A folder with MODELS installed (with its @kubernetes-models/apimachinery), made once. */
function modelsRoot() {
  const dir = join(root, "node_modules/.cache/packetwalk-schemas", MODELS.replace("@", "-"));
  if (!existsSync(join(dir, "node_modules/kubernetes-models/package.json"))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}\n");
    // Its engines field asks for Node 22; only its .d.ts files are read here.
    execFileSync(
      "npm",
      ["install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", MODELS],
      {
        cwd: dir,
        stdio: "inherit",
      },
    );
  }
  return dir;
}

const require = createRequire(join(modelsRoot(), "package.json"));
const modelsDir = dirname(require.resolve("kubernetes-models/package.json"));
const modelsVersion = JSON.parse(readFileSync(join(modelsDir, "package.json"), "utf8")).version;
const outFile = join(root, "src/engine/api/openapi/kubernetes.json");

/** The kinds the editor offers: [apiVersion, kind, file under kubernetes-models]. */
const KINDS = [
  ["v1", "Namespace", "v1/Namespace.d.ts"],
  ["v1", "Node", "v1/Node.d.ts"],
  ["v1", "Pod", "v1/Pod.d.ts"],
  ["v1", "Service", "v1/Service.d.ts"],
  ["v1", "Endpoints", "v1/Endpoints.d.ts"],
  ["v1", "ConfigMap", "v1/ConfigMap.d.ts"],
  ["coordination.k8s.io/v1", "Lease", "coordination.k8s.io/v1/Lease.d.ts"],
  ["apps/v1", "Deployment", "apps/v1/Deployment.d.ts"],
  ["apps/v1", "ReplicaSet", "apps/v1/ReplicaSet.d.ts"],
  ["discovery.k8s.io/v1", "EndpointSlice", "discovery.k8s.io/v1/EndpointSlice.d.ts"],
];

/**
 * Fields no student writes and whose type graphs are large: dropped to keep the schema small.
 * NOTE: the real OpenAPI schema has them all; the editor only loses completion and hover for them
 * (unknown fields are still allowed, the API server's own validation decides).
 */
const PRUNED = new Set([
  "ObjectMeta.managedFields",
  "PodSpec.ephemeralContainers",
  "PodSpec.resourceClaims",
  "PodSpec.schedulingGates",
  "PodSpec.os",
  "PodSpec.hostUsers",
  "PodSpec.overhead",
  "PodSpec.readinessGates",
  "PodSpec.preemptionPolicy",
  "PodSpec.securityContext",
  "Container.securityContext",
  "Container.resizePolicy",
  "Container.restartPolicyRules",
  "Container.volumeDevices",
  "PodStatus.ephemeralContainerStatuses",
  "PodStatus.resourceClaimStatuses",
  "PodStatus.resize",
  "PodStatus.extendedResourceClaimStatus",
  "ContainerStatus.allocatedResourcesStatus",
  "ContainerStatus.resources",
  "ContainerStatus.user",
  "ContainerStatus.volumeMounts",
  "NodeStatus.config",
  "NodeStatus.features",
  "NodeStatus.runtimeHandlers",
  "NodeStatus.declaredFeatures",
  "NodeSpec.configSource",
]);

/** Volume sources a lesson uses; the other two dozen (cloud disks, CSI, ...) are pruned. */
const VOLUME_SOURCES = new Set([
  "name",
  "configMap",
  "emptyDir",
  "hostPath",
  "secret",
  "projected",
  "downwardAPI",
]);

const rootFiles = KINDS.map(([, , file]) => join(modelsDir, file));
const program = ts.createProgram(rootFiles, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();

/** @type {Record<string, object>} */
const definitions = {};

/** `v1.ServiceSpec`, `apps.v1.DeploymentSpec`, `meta.v1.ObjectMeta`: from the declaring file's path. */
function definitionName(decl) {
  const file = decl.getSourceFile().fileName;
  const pkg = file.includes("@kubernetes-models/apimachinery") ? "apimachinery" : "kubernetes-models";
  const base =
    pkg === "apimachinery"
      ? dirname(require.resolve("@kubernetes-models/apimachinery/package.json"))
      : modelsDir;
  return relative(base, file)
    .replace(/\.d\.ts$/, "")
    .replace(/^apis\//, "")
    .replace(/^util\//, "")
    .split("/")
    .join(".");
}

function shortName(decl) {
  return decl.name.text.replace(/^I(?=[A-Z])/, "");
}

function resolveDeclaration(typeName) {
  let symbol = checker.getSymbolAtLocation(typeName);
  if (!symbol) throw new Error(`unresolved type ${typeName.getText()}`);
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const decl = symbol.declarations?.[0];
  if (!decl) throw new Error(`no declaration for ${typeName.getText()}`);
  if (ts.isExportSpecifier(decl)) return resolveDeclaration(decl.propertyName ?? decl.name);
  return decl;
}

function docOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? "").join("\n");
  return text.trim() || undefined;
}

function withDescription(schema, description) {
  return description ? { description, ...schema } : schema;
}

/** A type node of the .d.ts as JSON Schema. */
function convert(node) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: "string" };
    case ts.SyntaxKind.NumberKeyword:
      // NOTE: OpenAPI says int32/int64/double; every number in the kinds offered here is an integer.
      return { type: "integer" };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: "boolean" };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword:
      return {};
    case ts.SyntaxKind.ArrayType:
      return { type: "array", items: convert(node.elementType) };
    case ts.SyntaxKind.LiteralType:
      return ts.isStringLiteral(node.literal) ? { type: "string", enum: [node.literal.text] } : {};
    case ts.SyntaxKind.UnionType:
      return convertUnion(node.types);
    case ts.SyntaxKind.TypeLiteral:
      return convertTypeLiteral(node);
    case ts.SyntaxKind.TypeReference:
      return convertReference(node);
    default:
      throw new Error(`unsupported type node ${ts.SyntaxKind[node.kind]}: ${node.getText()}`);
  }
}

function convertUnion(types) {
  if (types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
    return { type: "string", enum: types.map((t) => t.literal.text) };
  }
  const kinds = types.map((t) => convert(t).type);
  if (kinds.every((k) => typeof k === "string")) return { type: [...new Set(kinds)].sort() };
  return { anyOf: types.map(convert) };
}

function convertTypeLiteral(node) {
  const index = node.members.find(ts.isIndexSignatureDeclaration);
  if (index) return { type: "object", additionalProperties: convert(index.type) };
  return node.members.length === 0 ? { type: "object" } : objectSchema(node.members, "");
}

function convertReference(node) {
  const name = node.typeName.getText();
  const args = node.typeArguments ?? [];
  if (name === "Array") return { type: "array", items: convert(args[0]) };
  if (name === "Record") return { type: "object", additionalProperties: convert(args[1]) };
  const decl = resolveDeclaration(node.typeName);
  // A Quantity ("500m", "1Gi", 0.5) is the one string-or-number that is not an int-or-string.
  if (ts.isTypeAliasDeclaration(decl) && decl.name.text === "IQuantity")
    return { type: ["number", "string"] };
  if (ts.isTypeAliasDeclaration(decl)) return convert(decl.type);
  if (ts.isInterfaceDeclaration(decl)) return { $ref: `#/definitions/${define(decl)}` };
  throw new Error(`unsupported reference ${name}`);
}

/** Adds an interface to `definitions` (once) and returns its name. */
function define(decl) {
  const name = definitionName(decl);
  if (definitions[name]) return name;
  definitions[name] = {};
  definitions[name] = withDescription(objectSchema(decl.members, shortName(decl)), docOf(decl));
  return name;
}

function objectSchema(members, owner) {
  const properties = {};
  const required = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const key = member.name.text;
    if (PRUNED.has(`${owner}.${key}`)) continue;
    if (owner === "Volume" && !VOLUME_SOURCES.has(key)) continue;
    properties[key] = withDescription(convert(member.type), docOf(member));
    if (!member.questionToken) required.push(key);
  }
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

const kinds = KINDS.map(([apiVersion, kind, file]) => {
  const source = program.getSourceFile(join(modelsDir, file));
  const decl = source?.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`);
  if (!decl) throw new Error(`interface I${kind} not found in ${file}`);
  return { apiVersion, kind, $ref: `#/definitions/${define(decl)}` };
});

const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
const schema = {
  $comment: `Generated by scripts/generate-schemas.mjs from kubernetes-models ${modelsVersion}. Do not edit.`,
  kinds,
  definitions: sorted,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(schema, null, 2)}\n`);
spawnSync(join(root, "node_modules/.bin/biome"), ["format", "--write", outFile], { stdio: "inherit" });
const size = readFileSync(outFile).length;
console.log(
  `${relative(root, outFile)}: ${kinds.length} kinds, ${Object.keys(sorted).length} definitions, ${(size / 1024).toFixed(0)} KiB`,
);
