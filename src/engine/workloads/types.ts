/**
 * What a simulated container does on the network: which ports it listens
 * on, how it answers HTTP, and which shell and tools it ships.
 */
import type { Protocol } from "../net/types";
import type { LogLine } from "./logs";

/** An HTTP/1.1 request as a client sent it. */
export interface HttpRequest {
  method: string;
  /** Path and query, e.g. `/echo?msg=hi`. */
  path: string;
  host: string;
  headers: [string, string][];
}

/** An HTTP/1.1 response, headers in the order the server writes them. */
export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** What a server knows about the request it is answering. */
export interface ServeContext {
  /** The pod's name (its hostname). */
  podName: string;
  /** The client address as the server sees it: after any SNAT. */
  clientIp: string;
  clientPort: number;
  localPort: number;
  /** Virtual time, ms since the epoch. */
  nowMs: number;
  /** When the container started (ms), for Go's monotonic clock reading. */
  startedMs: number;
  /** The connection's number in this server (nginx's `*N`), counting from 1. */
  connection: number;
}

/** What a process knows when its container starts. */
export interface StartContext {
  /** The pod's name (its hostname). */
  podName: string;
  /** When the container started (ms since the epoch). */
  startedMs: number;
  /** The node's CPU count (nginx's `worker_processes auto`). */
  cpus: number;
  /** The node's kernel release (`uname -r`). */
  kernelVersion: string;
}

/** A container's behaviour, chosen by its image (and args). */
export interface Workload {
  /** A short description, e.g. `nginx 1.27.5`, `agnhost netexec`. */
  name: string;
  listens(port: number, proto: Protocol): boolean;
  /** Answers an HTTP request on a port it listens on. */
  http?(req: HttpRequest, ctx: ServeContext): HttpResponse;
  /** The interactive shell (`/bin/bash`) and its root prompt, if the image has one. */
  shell?: { path: string; prompt: string };
  /** Network tools in the image (curl, dig, nslookup, wget, ...). */
  tools: readonly string[];
  /** True for an image Packetwalk does not model: it listens on nothing of its own. */
  unknown?: true;
  /** What the process writes to stdout and stderr when it starts; nothing when absent. */
  startupLog?(start: StartContext): LogLine[];
  /** What the process writes for one request it answered; nothing when absent. */
  requestLog?(req: HttpRequest, res: HttpResponse, ctx: ServeContext): LogLine[];
}

/** Go's `http.Header` date format and nginx's `Date:`: RFC 7231 IMF-fixdate. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** UTF-8 byte length of a body (Content-Length). */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
