/**
 * The official `nginx` image: port 80, the welcome page at `/`, nginx's
 * own 404 page elsewhere, headers as nginx writes them.
 */
import type { Protocol } from "../net/types";
import { nginxRequestLog, nginxStartupLog } from "./nginxLog";
import type { HttpRequest, HttpResponse, ServeContext, Workload } from "./types";
import { byteLength, httpDate } from "./types";

/** The version `nginx:latest` runs in Packetwalk. */
export const NGINX_LATEST = "1.27.5";

/** The last patch release of each minor line, for tags like `nginx:1.25`. */
const LAST_PATCH: Record<string, string> = {
  "1.19": "1.19.10",
  "1.20": "1.20.2",
  "1.21": "1.21.6",
  "1.22": "1.22.1",
  "1.23": "1.23.4",
  "1.24": "1.24.0",
  "1.25": "1.25.5",
  "1.26": "1.26.3",
  "1.27": "1.27.5",
};

/** `1.27` → `1.27.5`, `1.19.6-alpine` → `1.19.6`, `latest`/`alpine`/`stable` → the latest we model. */
export function nginxVersion(tag: string): string {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag);
  if (!m) return NGINX_LATEST;
  if (m[3] !== undefined) return `${m[1]}.${m[2]}.${m[3]}`;
  return LAST_PATCH[`${m[1]}.${m[2]}`] ?? `${m[1]}.${m[2]}.0`;
}

function before(version: string, major: number, minor: number, patch: number): boolean {
  const [a = 0, b = 0, c = 0] = version.split(".").map(Number);
  return a !== major ? a < major : b !== minor ? b < minor : c < patch;
}

const PAGE_TAIL = `<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The welcome page before the dark-mode style (612 bytes): what the seed lesson's nginx served. */
const WELCOME_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
${PAGE_TAIL}`;

/** The welcome page with `color-scheme: light dark` (615 bytes). */
const WELCOME_NEW = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
${PAGE_TAIL}`;

/**
 * The `index.html` a version ships.
 * NOTE: the dark-mode page arrived in the 1.21 line; we switch at 1.21.1
 * (the exact release is unconfirmed).
 */
export function nginxWelcomePage(version: string): string {
  return before(version, 1, 21, 1) ? WELCOME_OLD : WELCOME_NEW;
}

/** nginx's built-in error page (CRLF line ends, as ngx_http_special_response.c writes it). */
function errorPage(status: string, version: string): string {
  return [
    "<html>",
    `<head><title>${status}</title></head>`,
    "<body>",
    `<center><h1>${status}</h1></center>`,
    `<hr><center>nginx/${version}</center>`,
    "</body>",
    "</html>",
    "",
  ].join("\r\n");
}

/**
 * When index.html was last modified: the image's build.
 * NOTE: real images carry the release's file time; we use a fixed instant.
 */
const INDEX_MTIME_MS = Date.UTC(2025, 3, 16, 12, 1, 11);

/** An nginx container of a given version. */
export function nginxWorkload(tag: string): Workload {
  const version = nginxVersion(tag);
  return {
    name: `nginx ${version}`,
    tools: ["curl"],
    shell: { path: "/bin/bash", prompt: "root@{hostname}:/# " },
    listens: (port: number, proto: Protocol) => port === 80 && proto === "TCP",
    startupLog: (start) => nginxStartupLog(version, start),
    requestLog: (req, res, ctx) => nginxRequestLog(version, req, res, ctx),
    http(req: HttpRequest, ctx: ServeContext): HttpResponse {
      const path = req.path.split("?")[0] ?? "/";
      if (path === "/" || path === "/index.html") {
        const body = nginxWelcomePage(version);
        const len = byteLength(body);
        const etag = `"${Math.floor(INDEX_MTIME_MS / 1000).toString(16)}-${len.toString(16)}"`;
        return {
          status: 200,
          reason: "OK",
          headers: [
            ["Server", `nginx/${version}`],
            ["Date", httpDate(ctx.nowMs)],
            ["Content-Type", "text/html"],
            ["Content-Length", String(len)],
            ["Last-Modified", httpDate(INDEX_MTIME_MS)],
            ["Connection", "keep-alive"],
            ["ETag", etag],
            ["Accept-Ranges", "bytes"],
          ],
          body,
        };
      }
      const body = errorPage("404 Not Found", version);
      return {
        status: 404,
        reason: "Not Found",
        headers: [
          ["Server", `nginx/${version}`],
          ["Date", httpDate(ctx.nowMs)],
          ["Content-Type", "text/html"],
          ["Content-Length", String(byteLength(body))],
          ["Connection", "keep-alive"],
        ],
        body,
      };
    },
  };
}
