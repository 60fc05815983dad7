/**
 * `kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [--type strategic|merge|json]`
 * as kubectl 1.32's `pkg/cmd/patch` runs it: the patch is sent to the API server, which applies
 * it to the stored object (serverPatch.ts) and writes the result through the same path as any
 * update; `--local` and `--dry-run=client` apply it in kubectl and write nothing.
 */
import type { Kind } from "../../../api/types";
import type { CommandEnv, CommandResult } from "../../types";
import { errorText, failure, notFoundMessage, usageError } from "../errors";
import { boolFlag, type FlagSpec, flag, flagAll, namespaceOf, parseFlags } from "../flags";
import { toJson, toYaml } from "../get/output";
import { parseTargets } from "../get/targets";
import { docName, docNamespace, parseManifest, readFileArg, typeOfDocument } from "../manifest";
import { kindPrefix, type ResourceType } from "../resources";
import { clientPatch, type PatchType, parsePatchText, serverPatch } from "./serverPatch";
import { isMap, type Json } from "./strategic";

const FLAGS: FlagSpec[] = [
  { name: "patch", short: "p", type: "string" },
  { name: "patch-file", type: "string" },
  { name: "type", type: "string" },
  { name: "dry-run", type: "string" },
  { name: "output", short: "o", type: "string" },
  { name: "filename", short: "f", type: "strings" },
  { name: "local", type: "bool" },
  { name: "recursive", short: "R", type: "bool" },
  { name: "field-manager", type: "string" },
  { name: "subresource", type: "string" },
  { name: "record", type: "bool" },
  { name: "show-managed-fields", type: "bool" },
  { name: "allow-missing-template-keys", type: "bool" },
];

const PATCH_TYPES = ["json", "merge", "strategic"];

class PrinterError extends Error {
  constructor(output: string) {
    super(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
    );
  }
}

/** One object to patch: its type, name and namespace, and (from a file) its content. */
interface Info {
  type: ResourceType;
  name: string;
  namespace: string | undefined;
  fromFile?: Record<string, unknown>;
}

type DryRun = "none" | "client" | "server";

const TRUE = ["1", "t", "T", "TRUE", "true", "True"];
const FALSE = ["0", "f", "F", "FALSE", "false", "False"];

/**
 * `GetDryRunStrategy`: a bare `--dry-run` or a boolean still works, with klog's deprecation
 * warning (its header carries the virtual time and a fixed PID, NOTE: a real one varies).
 */
function dryRunOf(
  bare: boolean,
  value: string | undefined,
  now: number,
): { strategy: DryRun; warning: string } | { error: string } {
  const warn = (text: string) => {
    const d = new Date(now).toISOString();
    const stamp = `${d.slice(5, 7)}${d.slice(8, 10)} ${d.slice(11, 23)}000`;
    return `W${stamp}   ${KUBECTL_PID} helpers.go:${text.startsWith("--dry-run is") ? 702 : 716}] ${text}\n`;
  };
  if (bare)
    return {
      strategy: "client",
      warning: warn("--dry-run is deprecated and can be replaced with --dry-run=client."),
    };
  if (value === undefined || value === "none") return { strategy: "none", warning: "" };
  if (value === "client" || value === "server") return { strategy: value, warning: "" };
  if (TRUE.includes(value) || FALSE.includes(value)) {
    const to = TRUE.includes(value) ? "client" : "none";
    const line = `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${to}.`;
    return {
      strategy: to,
      warning: warn(line).replace(
        "helpers.go:716",
        TRUE.includes(value) ? "helpers.go:716" : "helpers.go:719",
      ),
    };
  }
  return { error: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
}

/** The PID klog prints in kubectl's warnings. */
const KUBECTL_PID = 20835;

/** `kubectl patch`. */
export function patch(args: string[], env: CommandEnv): CommandResult {
  const bare = args.includes("--dry-run");
  const parsed = parseFlags(
    args.filter((a) => a !== "--dry-run"),
    FLAGS,
    "kubectl patch",
  );
  if ("error" in parsed) return failure(parsed.error);
  const dry = dryRunOf(bare, flag(parsed, "dry-run"), env.cluster.clock.now());
  if ("error" in dry) return failure(dry.error);
  const dryRun = dry.strategy;
  const output = flag(parsed, "output") ?? "";
  const patchText = flag(parsed, "patch") ?? "";
  const patchFile = flag(parsed, "patch-file") ?? "";
  const local = boolFlag(parsed, "local");
  const typeText = flag(parsed, "type") ?? "strategic";
  if (patchText !== "" && patchFile !== "")
    return failure("error: cannot specify --patch and --patch-file together");
  if (patchText === "" && patchFile === "")
    return failure("error: must specify --patch or --patch-file containing the contents of the patch");
  if (local && parsed.positional.length !== 0)
    return failure("error: cannot specify --local and server resources");
  if (local && dryRun === "server")
    return failure("error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  if (!PATCH_TYPES.includes(typeText.toLowerCase()))
    return failure(`error: --type must be one of [${PATCH_TYPES.join(" ")}], not "${typeText}"`);
  const patchType = typeText.toLowerCase() as PatchType;
  let source = patchText;
  if (patchFile !== "") {
    const text = env.files.get(patchFile);
    if (text === undefined)
      return failure(`error: unable to read patch file: open ${patchFile}: no such file or directory`);
    source = text;
  }
  const patchJson = parsePatchText(source);
  if ("error" in patchJson) return failure(`error: unable to parse "${patchText}": ${patchJson.error}`);

  const infos = collect(env, parsed.positional, flagAll(parsed, "filename"), namespaceOf(parsed), local);
  if ("error" in infos) return failure(infos.error);
  let stdout = "";
  let stderr = dry.warning;
  for (const info of infos.infos) {
    const r = patchOne(env, info, patchType, patchJson.value, { local, dryRun, output });
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.failed) return { stdout, stderr, exitCode: 1 };
  }
  if (infos.infos.length === 0)
    return { stdout, stderr: `${stderr}error: no objects passed to patch\n`, exitCode: 1 };
  return { stdout, stderr, exitCode: 0 };
}

/** The builder's `ResourceTypeOrNameArgs` and `FilenameParam`: what the arguments name. */
function collect(
  env: CommandEnv,
  positional: string[],
  files: string[],
  namespace: string,
  local: boolean,
): { infos: Info[] } | { error: string } {
  const infos: Info[] = [];
  for (const path of files) {
    const file = readFileArg(env, path);
    if ("error" in file) return { error: file.error };
    const { docs, errors } = parseManifest(file.text, file.name);
    if (errors[0]) return { error: errors[0] };
    for (const doc of docs) {
      const type = typeOfDocument(doc);
      if (!type)
        return {
          error: `error: resource mapping not found for name: "${docName(doc)}" namespace: "${docNamespace(doc, "")}" from "${file.name}": no matches for kind "${String(doc.object.kind)}" in version "${String(doc.object.apiVersion)}"\nensure CRDs are installed first`,
        };
      infos.push({
        type,
        name: docName(doc),
        namespace: type.namespaced ? docNamespace(doc, namespace) : undefined,
        fromFile: doc.object,
      });
    }
  }
  if (positional.length === 0) {
    if (files.length === 0)
      return {
        error: `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
      };
    return { infos };
  }
  if (local) return { infos };
  const set = parseTargets(positional);
  if ("error" in set) return { error: set.error.trimEnd() };
  for (const t of set.targets) {
    if (t.names.length === 0)
      return {
        error: usageError(
          "resource(s) were provided, but no name was specified",
          "kubectl patch",
        ).stderr.trimEnd(),
      };
    for (const name of t.names)
      infos.push({ type: t.type, name, namespace: t.type.namespaced ? namespace : undefined });
  }
  return { infos };
}

/** What `--dry-run` adds to the operation kubectl names. */
function operation(changed: boolean, dryRun: DryRun): string {
  const base = changed ? "patched" : "patched (no change)";
  return dryRun === "client" ? `${base} (dry run)` : dryRun === "server" ? `${base} (server dry run)` : base;
}

/** The printer kubectl asks for once the patch is done (an unknown format fails only then). */
function print(info: Info, object: Record<string, unknown>, output: string, op: string): string {
  if (!["", "yaml", "json", "name"].includes(output)) throw new PrinterError(output);
  if (output === "yaml") return toYaml([object], true);
  if (output === "json") return toJson([object], true);
  const name = `${kindPrefix(info.type)}/${info.name}`;
  return output === "name" ? `${name}\n` : `${name} ${op}\n`;
}

function patchOne(
  env: CommandEnv,
  info: Info,
  patchType: PatchType,
  patchJson: Json,
  opts: { local: boolean; dryRun: DryRun; output: string },
): { stdout: string; stderr: string; failed?: boolean } {
  if (opts.local || opts.dryRun === "client") {
    const current = opts.local ? info.fromFile : liveObject(env, info);
    if (!current) return { stdout: "", stderr: `${notFoundMessage(info.type, info.name)}\n`, failed: true };
    const out = clientPatch(patchType, current as Json, patchJson);
    if ("error" in out) return { stdout: "", stderr: `error: ${out.error}\n`, failed: true };
    const changed = JSON.stringify(out.object) !== JSON.stringify(current);
    try {
      return { stdout: print(info, out.object, opts.output, operation(changed, opts.dryRun)), stderr: "" };
    } catch (e) {
      return refusal(e);
    }
  }
  try {
    const out = serverPatch(env, info.type.kind as Kind, info.namespace, info.name, patchType, patchJson, {
      dryRun: opts.dryRun === "server",
    });
    return {
      stdout: print(info, out.object, opts.output, operation(out.changed, opts.dryRun)),
      stderr: out.warnings.map((w) => `Warning: ${w}\n`).join(""),
    };
  } catch (e) {
    return refusal(e);
  }
}

/** An API refusal or kubectl's printer error, as kubectl prints it; anything else is an engine bug and goes on. */
function refusal(e: unknown): { stdout: string; stderr: string; failed: true } {
  if (e instanceof PrinterError) return { stdout: "", stderr: `error: ${e.message}\n`, failed: true };
  return { stdout: "", stderr: `${errorText(e)}\n`, failed: true };
}

/** The object as `kubectl get -o json` reads it (what the builder fetched). */
function liveObject(env: CommandEnv, info: Info): Record<string, unknown> | undefined {
  const obj = env.cluster.store.get(info.type.kind, info.namespace, info.name);
  if (!obj) return undefined;
  const wire = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  return isMap(wire as Json)
    ? { ...wire, apiVersion: info.type.apiVersion, kind: info.type.kind }
    : undefined;
}
