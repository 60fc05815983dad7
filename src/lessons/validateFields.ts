/** Checks for the small fields a lesson step holds (see validate.ts); each reports `path: problem`. */
import { PROXY_MODES } from "../engine/api/configTypes";
import type {
  LessonBurst,
  LessonCommand,
  LessonPoint,
  LessonPredict,
  LessonSend,
  LessonSetReady,
  Localized,
} from "./types";
import { PREDICT_KINDS } from "./types";

export type Obj = Record<string, unknown>;
export type Err = (path: string, message: string) => void;

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const SOURCE = /^(external|node:[^\s/:]+|pod:[^\s/]+\/[^\s/]+)$/;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function oneOf<T extends string>(v: unknown, values: readonly T[]): v is T {
  return typeof v === "string" && (values as readonly string[]).includes(v);
}

export function unknownKeys(raw: Obj, keys: readonly string[], path: string, err: Err): void {
  for (const key of Object.keys(raw)) if (!keys.includes(key)) err(`${path}.${key}`, "unknown field");
}

export function idField(raw: Obj, key: string, path: string, err: Err): string | null {
  const v = raw[key];
  if (typeof v === "string" && ID.test(v)) return v;
  err(path, "must be lower-case letters, digits and dashes");
  return null;
}

export function localized(raw: unknown, path: string, err: Err): Localized | null {
  if (!isObj(raw)) {
    err(path, "must be a mapping with en and ko texts");
    return null;
  }
  let ok = true;
  for (const lang of ["en", "ko"] as const) {
    if (typeof raw[lang] !== "string" || !(raw[lang] as string).trim()) {
      err(`${path}.${lang}`, "missing text");
      ok = false;
    }
  }
  return ok ? { en: raw.en as string, ko: raw.ko as string } : null;
}

export function lines(raw: unknown, path: string, err: Err): string[] {
  if (raw === undefined) return [];
  if (Array.isArray(raw) && raw.every((c) => typeof c === "string")) return raw;
  err(path, "must be a list of terminal lines");
  return [];
}

/** `- kubectl get svc`, or `- { run: "curl nobody-home", fails: true }` for a line meant to fail, `quiet: true` for one not shown. */
export function commands(raw: unknown, path: string, err: Err): LessonCommand[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    err(path, "must be a list of terminal lines");
    return [];
  }
  return raw.flatMap((c, i): LessonCommand[] => {
    if (typeof c === "string") return [{ run: c, fails: false, quiet: false }];
    const flag = (v: unknown) => v === undefined || typeof v === "boolean";
    if (isObj(c) && typeof c.run === "string" && flag(c.fails) && flag(c.quiet)) {
      unknownKeys(c, ["run", "fails", "quiet"], `${path}[${i}]`, err);
      return [{ run: c.run, fails: c.fails === true, quiet: c.quiet === true }];
    }
    err(`${path}[${i}]`, "must be a line, or a mapping with run (a line), fails and quiet (true or false)");
    return [];
  });
}

export function sendField(raw: unknown, path: string, err: Err): LessonSend | null {
  if (raw === undefined) return null;
  if (!isObj(raw)) {
    err(path, "must be a mapping with from and to");
    return null;
  }
  const from = typeof raw.from === "string" && SOURCE.test(raw.from) ? raw.from : null;
  if (!from) err(`${path}.from`, 'must be "external", "node:NAME" or "pod:NAMESPACE/NAME"');
  const to = typeof raw.to === "string" && raw.to.trim() ? raw.to.trim() : null;
  if (!to) err(`${path}.to`, "must name a Service, IP:port or node:NAME:PORT");
  return from && to ? { from, to } : null;
}

export function burstField(raw: unknown, path: string, err: Err): LessonBurst | null {
  if (raw === undefined) return null;
  const send = sendField(raw, path, err);
  const count = isObj(raw) ? raw.count : undefined;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 1000) {
    err(`${path}.count`, "must be a whole number from 1 to 1000");
    return null;
  }
  return send ? { ...send, count } : null;
}

export function pointField(raw: unknown, path: string, err: Err): LessonPoint | null {
  if (raw === undefined) return null;
  if (!isObj(raw)) {
    err(path, "must be a mapping with service, pod or node");
    return null;
  }
  const point: LessonPoint = {};
  for (const key of ["service", "pod", "node"] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === "string" && v) point[key] = v;
    else err(`${path}.${key}`, "must be a name");
  }
  unknownKeys(raw, ["service", "pod", "node"], path, err);
  return point;
}

export function predictField(raw: unknown, path: string, err: Err): LessonPredict | null {
  if (raw === undefined) return null;
  if (!isObj(raw)) {
    err(path, "must be a mapping with question and kind");
    return null;
  }
  const question = localized(raw.question, `${path}.question`, err);
  const kind = oneOf(raw.kind, PREDICT_KINDS) ? raw.kind : null;
  if (!kind) err(`${path}.kind`, `must be one of ${PREDICT_KINDS.join(", ")}`);
  return question && kind ? { question, kind } : null;
}

export function readiness(raw: unknown, path: string, err: Err): LessonSetReady | null {
  if (raw === undefined) return null;
  if (!isObj(raw) || typeof raw.pod !== "string" || typeof raw.ready !== "boolean") {
    err(path, "must be a mapping with pod (a name) and ready (true or false)");
    return null;
  }
  if (raw.namespace !== undefined && typeof raw.namespace !== "string")
    err(`${path}.namespace`, "must be a name");
  return {
    pod: raw.pod,
    ready: raw.ready,
    ...(typeof raw.namespace === "string" ? { namespace: raw.namespace } : {}),
  };
}

export { PROXY_MODES };
