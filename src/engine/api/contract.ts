/**
 * What the rest of the engine (kubectl, the facade, the CLI) calls on the
 * simulated API server. `ApiServer` in apiserver.ts implements it.
 */
import type { Kind, KindMap, SourceRef } from "./types";

/** The API server's `metav1.Status` reasons that Packetwalk produces. */
export type ApiErrorReason =
  | "Invalid"
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "BadRequest"
  | "Forbidden"
  | "NoMatch"
  | "Parse"
  /** A bug inside the engine, answered as the API server answers its own failures (a 500). */
  | "InternalError";

/** A refusal, with the text kubectl prints for it. */
export interface ApiError {
  reason: ApiErrorReason;
  /**
   * Exactly what kubectl prints on stderr, e.g.
   * `The Service "dup" is invalid: spec.ports[0].nodePort: Invalid value: 31080: provided port is already allocated`
   * or `Error from server (NotFound): services "nope" not found`.
   */
  message: string;
  /** The document the refused object came from, when it came from a file. */
  source?: SourceRef;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** Thrown by ApiServer methods; carries the Status. */
export class ApiStatusError extends Error {
  readonly status: ApiError;
  constructor(status: ApiError) {
    super(status.message);
    this.name = "ApiStatusError";
    this.status = status;
  }
}

/** One YAML document (or one item of a `kind: List`), with where it starts. */
export interface ManifestDocument {
  object: Record<string, unknown>;
  source: SourceRef;
  /** Where a field of the object is written (its key's line), when the document came from text. */
  locate?: (path: readonly (string | number)[]) => SourceRef | undefined;
  /**
   * True when every string is written on its key's line, newlines escaped (JSON): a line within a
   * multi-line string (a ConfigMap's embedded file) is then that one line.
   */
  inlineStrings?: true;
}

/** What `kubectl apply` reports per object: `service/web created`. */
export interface ApplyResult {
  kind: Kind;
  /** kubectl's resource name: `service`, `deployment.apps`, `endpointslice.discovery.k8s.io`. */
  resource: string;
  namespace?: string;
  name: string;
  action: "created" | "configured" | "unchanged";
}

export interface DeleteOptions {
  /** Pods: seconds before the kubelet removes a terminating pod (default 30; 0 removes at once). */
  gracePeriodSeconds?: number;
}

/** The API server as its clients see it. All methods run controllers to quiescence before returning. */
export interface Api {
  /** Parses a manifest file and applies every document, as `kubectl apply -f` does. Never throws. */
  applyText(
    text: string,
    file: string,
    opts?: { namespace?: string },
  ): { results: ApplyResult[]; errors: ApiError[] };
  /** Applies one parsed document. Throws ApiStatusError. */
  apply(doc: ManifestDocument, opts?: { namespace?: string }): ApplyResult;
  /** Creates an object (defaulted, validated, allocated). Throws ApiStatusError. */
  create<K extends Kind>(kind: K, object: Record<string, unknown>): KindMap[K];
  /** Replaces an object (immutable fields checked). Throws ApiStatusError. */
  update<K extends Kind>(kind: K, object: Record<string, unknown>): KindMap[K];
  /** Deletes (pods: gracefully). Throws ApiStatusError (NotFound). */
  delete(kind: Kind, namespace: string | undefined, name: string, opts?: DeleteOptions): void;
}
