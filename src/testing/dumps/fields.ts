/**
 * What the API server writes in `metadata.managedFields`: a manager's field set as FieldsV1
 * (structured-merge-diff's JSON form). A map's keys are `f:NAME`; an associative list's items
 * `k:{...}` by their merge keys (JSON, no spaces); a list of scalars is one field; every map or
 * list item below the top level also owns itself (`.`).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Fields = { [key: string]: Fields };

/** The merge keys of the associative lists the dumps' objects hold (from the API's types). */
const MERGE_KEYS: Record<string, readonly string[]> = {
  addresses: ["type"],
  conditions: ["type"],
  containers: ["name"],
  initContainers: ["name"],
  containerStatuses: ["name"],
  initContainerStatuses: ["name"],
  env: ["name"],
  volumeMounts: ["mountPath"],
  volumes: ["name"],
  ports: ["containerPort", "protocol"],
  hostIPs: ["ip"],
  podIPs: ["ip"],
  ownerReferences: ["uid"],
  tolerations: [],
  taints: [],
};

/** Service ports merge on port and protocol; a container's on containerPort and protocol. */
function keysOf(field: string, item: Record<string, Json>): readonly string[] | undefined {
  if (field === "ports" && !("containerPort" in item)) return ["port", "protocol"];
  const keys = MERGE_KEYS[field];
  return keys && keys.length > 0 ? keys : undefined;
}

function isMap(v: Json): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function setOf(v: Json, field: string, top = false): Fields {
  if (isMap(v)) {
    if (Object.keys(v).length === 0) return {};
    const out: Fields = top ? {} : { ".": {} };
    for (const k of Object.keys(v)) out[`f:${k}`] = setOf(v[k] as Json, k);
    return out;
  }
  if (Array.isArray(v) && v.length > 0 && v.every(isMap)) {
    const first = v[0] as Record<string, Json>;
    const keys = keysOf(field, first);
    if (!keys) return {};
    const out: Fields = { ".": {} };
    for (const item of v as Record<string, Json>[]) {
      const key = Object.fromEntries(keys.filter((k) => k in item).map((k) => [k, item[k] as Json]));
      out[`k:${JSON.stringify(key)}`] = setOf(item, "item");
    }
    return out;
  }
  return {};
}

/**
 * The field set a manager owns when it wrote `value` (the parts of an object it sets), as
 * FieldsV1: `fieldsOf({ metadata: { labels: { app: "web" } } })` is
 * `{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}`.
 */
export function fieldsOf(value: Record<string, unknown>): Fields {
  const out: Fields = {};
  for (const k of Object.keys(value)) out[`f:${k}`] = setOf(value[k] as Json, k, true);
  return out;
}

/** One `managedFields` entry: `Update` by `manager` (on `subresource`, e.g. status) at `time`. */
export function managed(
  manager: string,
  apiVersion: string,
  time: string,
  value: Record<string, unknown>,
  opts: { subresource?: string; operation?: "Update" | "Apply" } = {},
): Record<string, unknown> {
  return {
    apiVersion,
    fieldsType: "FieldsV1",
    fieldsV1: fieldsOf(value),
    manager,
    operation: opts.operation ?? "Update",
    ...(opts.subresource ? { subresource: opts.subresource } : {}),
    time,
  };
}
