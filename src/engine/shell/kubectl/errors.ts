import type { ApiError } from "../../api/contract";
import type { CommandResult } from "../types";
import { groupResource, type ResourceType } from "./resources";

/** `Error from server (NotFound): services "nope" not found`. */
export function notFoundMessage(t: ResourceType, name: string): string {
  return `Error from server (NotFound): ${groupResource(t)} "${name}" not found`;
}

function isApiStatus(e: unknown): e is { status: ApiError } {
  if (typeof e !== "object" || e === null || !("status" in e)) return false;
  const status = (e as { status: unknown }).status;
  return typeof status === "object" && status !== null && "message" in status;
}

/**
 * What kubectl prints for an API Status error (its message, already in kubectl's words).
 * Anything else is a bug inside the engine: it is thrown on, for the shell to report and the
 * Simulation to undo, never printed as if kubectl had refused.
 */
export function errorText(e: unknown): string {
  if (isApiStatus(e)) return e.status.message;
  throw e;
}

/** The reason of an API Status error, if it is one. */
export function errorReason(e: unknown): ApiError["reason"] | undefined {
  return isApiStatus(e) ? e.status.reason : undefined;
}

/** A failed command with one stderr line. */
export function failure(line: string, stdout = ""): CommandResult {
  return { stdout, stderr: line.endsWith("\n") ? line : `${line}\n`, exitCode: 1 };
}

/** kubectl's "see help" hint after a usage error. */
export function usageError(message: string, command: string): CommandResult {
  return failure(`error: ${message}\nSee '${command} -h' for help and examples`);
}
