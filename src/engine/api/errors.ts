/** The Status errors the API server returns, worded as kubectl prints them. */
import type { Cluster } from "../cluster";
import type { ApiError } from "./contract";
import { ApiStatusError } from "./contract";
import { pluralName } from "./kinds";
import type { Kind, SourceRef } from "./types";
import type { FieldError } from "./validation/field";
import { invalidMessage } from "./validation/field";

/** Where a refused object came from: kubectl apply prefixes `error when creating "FILE": `. */
export interface ErrorContext {
  source?: SourceRef;
  verb?: "creating" | "applying patch" | "deleting";
}

function where(ctx: ErrorContext | undefined): string {
  return ctx?.source ? `error when ${ctx.verb ?? "creating"} "${ctx.source.file}": ` : "";
}

function fail(error: ApiError, ctx: ErrorContext | undefined): ApiStatusError {
  return new ApiStatusError(ctx?.source ? { ...error, source: ctx.source } : error);
}

/** `Error from server (NotFound): services "nope" not found`. */
export function notFound(kind: Kind, name: string, namespace?: string, ctx?: ErrorContext): ApiStatusError {
  return fail(
    {
      reason: "NotFound",
      message: `Error from server (NotFound): ${where(ctx)}${pluralName(kind)} "${name}" not found`,
      kind,
      name,
      ...(namespace ? { namespace } : {}),
    },
    ctx,
  );
}

/** `Error from server (AlreadyExists): services "web" already exists`. */
export function alreadyExists(
  kind: Kind,
  name: string,
  namespace?: string,
  ctx?: ErrorContext,
): ApiStatusError {
  return fail(
    {
      reason: "AlreadyExists",
      message: `Error from server (AlreadyExists): ${where(ctx)}${pluralName(kind)} "${name}" already exists`,
      kind,
      name,
      ...(namespace ? { namespace } : {}),
    },
    ctx,
  );
}

/** An Invalid Status; values render as JSON from 1.34 on, Go syntax before. */
export function invalidError(
  cluster: Cluster,
  kind: Kind,
  name: string,
  errs: FieldError[],
  namespace?: string,
  ctx?: ErrorContext,
): ApiStatusError {
  return fail(
    {
      reason: "Invalid",
      message: invalidMessage(kind, name, errs, cluster.atLeast(1, 34)),
      kind,
      name,
      ...(namespace ? { namespace } : {}),
    },
    ctx,
  );
}

/** A BadRequest with our own explanation (e.g. a config change we cannot make live). */
export function badRequest(message: string, kind?: Kind, name?: string, ctx?: ErrorContext): ApiStatusError {
  return fail(
    {
      reason: "BadRequest",
      message: `Error from server (BadRequest): ${where(ctx)}${message}`,
      ...(kind ? { kind } : {}),
      ...(name ? { name } : {}),
    },
    ctx,
  );
}

/** `Error from server (Forbidden): pods "x" is forbidden: <why>` (an admission plugin's or a quota's refusal). */
export function forbidden(kind: Kind, name: string, why: string, ctx?: ErrorContext): ApiStatusError {
  return fail(
    {
      reason: "Forbidden",
      message: `Error from server (Forbidden): ${where(ctx)}${pluralName(kind)} "${name}" is forbidden: ${why}`,
      kind,
      name,
    },
    ctx,
  );
}
