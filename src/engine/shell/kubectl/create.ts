import type { CommandEnv, CommandResult } from "../types";
import { errorText, failure, usageError } from "./errors";
import { type FlagSpec, flag, flagAll, parseFlags } from "./flags";
import { docNamespace, noMatchMessage, parseManifest, readFileArg, typeOfDocument } from "./manifest";
import { kindPrefix } from "./resources";

const FLAGS: FlagSpec[] = [
  { name: "filename", short: "f", type: "strings" },
  { name: "image", type: "strings" },
  { name: "replicas", short: "r", type: "string" },
  { name: "port", type: "string" },
  { name: "output", short: "o", type: "string" },
];

/** `error when creating "web.yaml": ` goes after the `Error from server (X): ` prefix. */
function withSource(message: string, file: string): string {
  const m = /^(Error from server \([^)]*\): )(.*)$/s.exec(message);
  return m ? `${m[1]}error when creating "${file}": ${m[2]}` : message;
}

/** The container name `kubectl create deployment` derives from an image. */
export function containerNameFromImage(image: string): string {
  const base = image.split("/").pop() ?? image;
  return (base.split("@")[0] ?? base).split(":")[0] ?? base;
}

function createFromFiles(files: string[], env: CommandEnv, namespace: string | undefined): CommandResult {
  let stdout = "";
  let stderr = "";
  for (const path of files) {
    const file = readFileArg(env, path);
    if ("error" in file) {
      stderr += `${file.error}\n`;
      continue;
    }
    const { docs, errors } = parseManifest(file.text, file.name);
    for (const e of errors) stderr += `${e}\n`;
    for (const doc of docs) {
      const type = typeOfDocument(doc);
      if (!type) {
        stderr += `${noMatchMessage(doc)}\n`;
        continue;
      }
      const object = { ...doc.object };
      if (type.namespaced) {
        object.metadata = {
          ...(object.metadata as object),
          namespace: docNamespace(doc, namespace ?? "default"),
        };
      }
      try {
        const created = env.api.create(type.kind, object);
        stdout += `${kindPrefix(type)}/${created.metadata.name} created\n`;
      } catch (e) {
        stderr += `${withSource(errorText(e), file.name)}\n`;
      }
    }
  }
  return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}

function createDeployment(
  names: string[],
  parsed: { images: string[]; replicas?: string; port?: string },
  env: CommandEnv,
  namespace: string,
): CommandResult {
  if (names.length !== 1)
    return usageError(`exactly one NAME is required, got ${names.length}`, "kubectl create deployment");
  if (parsed.images.length === 0) return failure('error: required flag(s) "image" not set');
  const name = names[0] as string;
  const labels = { app: name };
  const replicas = parsed.replicas === undefined ? 1 : Number(parsed.replicas);
  if (!Number.isInteger(replicas)) {
    return failure(
      `error: invalid argument "${parsed.replicas}" for "-r, --replicas" flag: strconv.ParseInt: parsing "${parsed.replicas}": invalid syntax`,
    );
  }
  const port = parsed.port === undefined ? undefined : Number(parsed.port);
  const containers = parsed.images.map((image) => ({
    name: containerNameFromImage(image),
    image,
    ...(port !== undefined && port >= 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  const object = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { labels }, spec: { containers } },
    },
  };
  try {
    env.api.create("Deployment", object);
    return { stdout: `deployment.apps/${name} created\n`, stderr: "", exitCode: 0 };
  } catch (e) {
    return failure(errorText(e));
  }
}

/** `kubectl create -f FILE` and `kubectl create deployment NAME --image=I`. */
export function create(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl create");
  if ("error" in parsed) return failure(parsed.error);
  const files = flagAll(parsed, "filename");
  const namespace = flag(parsed, "namespace");
  const [sub, ...rest] = parsed.positional;
  if (sub === "deployment" || sub === "deploy") {
    const opts = {
      images: flagAll(parsed, "image"),
      replicas: flag(parsed, "replicas"),
      port: flag(parsed, "port"),
    };
    return createDeployment(rest, opts, env, namespace ?? "default");
  }
  if (sub === "namespace" || sub === "ns") {
    if (rest.length !== 1)
      return usageError(`exactly one NAME is required, got ${rest.length}`, "kubectl create namespace");
    try {
      env.api.create("Namespace", { apiVersion: "v1", kind: "Namespace", metadata: { name: rest[0] } });
      return { stdout: `namespace/${rest[0]} created\n`, stderr: "", exitCode: 0 };
    } catch (e) {
      return failure(errorText(e));
    }
  }
  if (sub !== undefined) return failure(`error: unknown command "${sub}" for "kubectl create"`);
  if (files.length === 0) {
    return usageError("must specify one of -f and -k", "kubectl create");
  }
  return createFromFiles(files, env, namespace);
}
