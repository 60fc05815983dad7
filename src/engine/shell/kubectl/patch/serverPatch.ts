/**
 * What the API server does with a PATCH (apiserver's `endpoints/handlers/patch.go`): decode
 * the patch with the default `fieldValidation=Warn`, apply it to the stored object's JSON,
 * check the name and resourceVersion, then write the result through the update path
 * (defaulting, validation, immutable fields, allocation) — and, for kubectl's `--local` and
 * `--dry-run=client`, the same three patch types applied in kubectl (`getPatchedJSON`).
 */
import { parse } from "yaml";
import { ApiStatusError } from "../../../api/contract";
import type { Kind } from "../../../api/types";
import type { CommandEnv } from "../../types";
import { notFoundMessage } from "../errors";
import { resourceForKind } from "../resources";
import { applyJsonPatch, decodeJsonPatch } from "./jsonPatch";
import { mergePatch } from "./mergePatch";
import { patchMetaFor } from "./patchMeta";
import { isMap, type Json, PatchError, strategicMerge } from "./strategic";

export type PatchType = "strategic" | "merge" | "json";

/**
 * `-p`'s text as kubectl's `yaml.ToJSON` reads it: JSON, or YAML 1.1.
 * NOTE: kubectl parses with go-yaml v2, which accepts some broken flow text (`{bad` reads as
 * `{"bad": null}`) and words its errors its own way; Packetwalk refuses those with a
 * go-yaml-style line.
 */
export function parsePatchText(text: string): { value: Json } | { error: string } {
  try {
    return { value: JSON.parse(text) as Json };
  } catch {
    try {
      return { value: (parse(text, { schema: "yaml-1.1" }) ?? null) as Json };
    } catch (e) {
      const line = /at line (\d+)/.exec(e instanceof Error ? e.message : "")?.[1] ?? "1";
      return { error: `yaml: line ${line}: did not find expected node content` };
    }
  }
}

function jsonTypeName(v: Json): string {
  return Array.isArray(v) ? "array" : v === null ? "null" : typeof v === "object" ? "object" : typeof v;
}

/** kubectl's own `getPatchedJSON` (`--local`, `--dry-run=client`): the library's message on failure. */
export function clientPatch(
  type: PatchType,
  current: Json,
  patch: Json,
): { object: Record<string, unknown> } | { error: string } {
  try {
    let out: Json;
    if (type === "json") {
      try {
        out = applyJsonPatch(current, decodeJsonPatch(patch));
      } catch (e) {
        const m = e instanceof PatchError ? /doc is missing key: (.*)$/.exec(e.message) : null;
        if (m) return { error: `Object to be patched is missing field (${m[1]})` };
        throw e;
      }
    } else if (type === "merge") out = mergePatch(current, patch);
    else {
      if (!isMap(patch)) return { error: "invalid JSON document" };
      const kind = isMap(current) && typeof current.kind === "string" ? current.kind : "";
      out = strategicMerge(current as { [key: string]: Json }, patch, patchMetaFor(kind as Kind));
    }
    // kubectl decodes the result with the unstructured scheme.
    if (!isMap(out))
      return {
        error: `json: cannot unmarshal ${jsonTypeName(out)} into Go value of type unstructured.detector`,
      };
    return { object: out };
  } catch (e) {
    if (e instanceof PatchError) return { error: e.message };
    throw e;
  }
}

const status = (reason: string, message: string) =>
  new ApiStatusError({
    reason: reason as ApiStatusError["status"]["reason"],
    message: reason === "" ? `Error from server: ${message}` : `Error from server (${reason}): ${message}`,
  });

/** The patched object, before it is written: the API server's patcher for each type. */
function applyPatch(kind: Kind, type: PatchType, current: { [key: string]: Json }, patch: Json): Json {
  if (type === "json") {
    if (!Array.isArray(patch))
      throw status(
        "BadRequest",
        `error decoding patch: json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type []handlers.jsonPatchOp`,
      );
    try {
      return applyJsonPatch(current, decodeJsonPatch(patch));
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      throw new ApiStatusError({
        reason: "Invalid",
        message: "The request is invalid: the server rejected our request due to an error in our request",
      });
    }
  }
  if (patch !== null && !isMap(patch))
    throw status(
      "BadRequest",
      `${type === "merge" ? "error decoding patch: " : ""}json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`,
    );
  try {
    if (type === "merge") return mergePatch(current, patch);
    return strategicMerge(current, patch ?? {}, patchMetaFor(kind));
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    // A merge patch that is not an object is a Bad Request; a strategic merge patch the
    // library refuses reaches the client as a plain error (no reason).
    throw status(type === "merge" ? "BadRequest" : "", e.message);
  }
}

/** The result of a server-side patch. */
export interface PatchOutcome {
  /** The object the server returned (the stored one, or what a dry run would store). */
  object: Record<string, unknown>;
  /** False when the patch left the object as it was (`patched (no change)`). */
  changed: boolean;
  /** `Warning:` lines the server sent. */
  warnings: string[];
}

/** PATCH on the API server. Throws ApiStatusError with kubectl's line for each refusal. */
export function serverPatch(
  env: CommandEnv,
  kind: Kind,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  patch: Json,
  opts: { dryRun: boolean },
): PatchOutcome {
  const t = resourceForKind(kind);
  const stored = env.cluster.store.get(kind, namespace, name);
  if (!t || !stored)
    throw new ApiStatusError({
      reason: "NotFound",
      message: notFoundMessage(t ?? ({ kind } as never), name),
    });
  const current = {
    ...(JSON.parse(JSON.stringify(stored)) as { [key: string]: Json }),
    apiVersion: t.apiVersion,
    kind,
  };
  const patched = applyPatch(kind, type, current, patch);
  if (!isMap(patched))
    throw status(
      "BadRequest",
      `json: cannot unmarshal ${jsonTypeName(patched)} into Go value of type map[string]interface {}`,
    );
  const meta = isMap(patched.metadata) ? patched.metadata : {};
  if (meta.name !== name)
    throw status(
      "BadRequest",
      `the name of the object (${String(meta.name ?? "")}) does not match the name on the URL (${name})`,
    );
  if (
    namespace &&
    typeof meta.namespace === "string" &&
    meta.namespace !== "" &&
    meta.namespace !== namespace
  )
    throw status(
      "BadRequest",
      `the namespace of the object (${meta.namespace}) does not match the namespace on the request (${namespace})`,
    );
  const rv = meta.resourceVersion;
  if (typeof rv === "string" && rv !== "" && rv !== stored.metadata.resourceVersion)
    throw status(
      "Conflict",
      `Operation cannot be fulfilled on ${t.group ? `${t.plural}.${t.group}` : t.plural} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    );
  const object = { ...patched, apiVersion: t.apiVersion, kind };
  if (JSON.stringify(object) === JSON.stringify(current))
    return { object: current, changed: false, warnings: [] };
  // NOTE: a server dry run returns the patched object without running the update path
  // (defaulting, validation, allocation): Packetwalk's write path has no dry-run mode yet.
  if (opts.dryRun) return { object, changed: true, warnings: [] };
  const written = env.api.update(kind, object as Record<string, unknown>);
  return {
    object: {
      ...(JSON.parse(JSON.stringify(written)) as Record<string, unknown>),
      apiVersion: t.apiVersion,
      kind,
    },
    changed: written.metadata.resourceVersion !== stored.metadata.resourceVersion,
    warnings: [],
  };
}
