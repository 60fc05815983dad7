/**
 * `kubectl explain TYPE[.FIELD…] [--recursive] [--api-version=GROUP/VERSION]`, as kubectl 1.32
 * runs it: resolve the resource through discovery, fetch the group version's OpenAPI v3
 * document (openapi.ts) and render the `plaintext` template (render.ts).
 */
import { requireAssets } from "../../assets";
import type { CommandEnv, CommandResult } from "../../types";
import { failure } from "../errors";
import { boolFlag, type FlagSpec, flag, parseFlags } from "../flags";
import { groupResource, resolveResource } from "../resources";
import { groupVersionPath, openAPIV3Documents } from "./openapi";
import { ExplainError, renderExplain } from "./render";

const FLAGS: FlagSpec[] = [
  { name: "recursive", type: "bool" },
  { name: "api-version", type: "string" },
  { name: "output", short: "o", type: "string" },
];

const SUGGEST = `Use "kubectl api-resources" for a complete list of supported resources.`;

/** `kubectl explain`. */
export function explain(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl explain");
  if ("error" in parsed) return failure(parsed.error);
  const [arg, ...more] = parsed.positional;
  if (arg === undefined)
    return failure(`error: You must specify the type of resource to explain. ${SUGGEST}\n`);
  if (more.length > 0) return failure("error: We accept only this format: explain RESOURCE\n");
  // kubectl reads the argument as a JSONPath (`{.svc.spec}`); a trailing dot is dropped.
  const parts = arg.replace(/\.$/, "").split(".");
  const type = resolveResource(parts[0] as string);
  // The RESTMapper's NoResourceMatchError, which kubectl prints without `error: `.
  if (!type) return failure(`the server doesn't have a resource type "${parts[0]}"`);
  const apiVersion = flag(parsed, "api-version");
  let fieldPath = parts.slice(1);
  // Without --api-version, `deployments.apps.spec` names the group: the group resource is a prefix.
  const gr = groupResource(type);
  if (apiVersion === undefined && type.group && arg.startsWith(`${gr}.`))
    fieldPath = arg.slice(gr.length + 1).split(".");
  else if (apiVersion === undefined && arg === gr) fieldPath = [];
  let group = type.group;
  let version = type.apiVersion.slice(type.apiVersion.indexOf("/") + 1);
  if (apiVersion !== undefined) {
    const slash = apiVersion.indexOf("/");
    if (apiVersion.split("/").length > 2)
      return failure(`error: unexpected GroupVersion string: ${apiVersion}`);
    group = slash < 0 ? "" : apiVersion.slice(0, slash);
    version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  }
  const format = flag(parsed, "output") ?? "plaintext";
  // NOTE: plaintext-openapiv2 renders from /openapi/v2, which Packetwalk does not serve.
  if (format !== "plaintext") return failure(`error: unrecognized format: ${format}`);
  const gvr = `${group}/${version}, Resource=${type.plural}`;
  const doc = openAPIV3Documents(requireAssets(env.assets()).schema).get(
    groupVersionPath({ group, apiVersion: group ? `${group}/${version}` : version }),
  );
  if (!doc) return failure(`error: couldn't find resource for "${gvr}"`);
  try {
    const text = renderExplain({
      document: doc,
      group,
      version,
      resource: type.plural,
      fieldPath,
      recursive: boolFlag(parsed, "recursive"),
    });
    return { stdout: text, stderr: "", exitCode: 0 };
  } catch (e) {
    if (e instanceof ExplainError) return failure(e.message, e.written);
    throw e;
  }
}
