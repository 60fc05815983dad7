#!/usr/bin/env node
// Serves a built site under a sub-path, as a static host does (a project page, say).
// Usage: node scripts/serve-static.mjs DIR PORT /sub/path/
// VARY=Origin in the environment adds that Vary header to every response, as some hosts and CDNs do.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

const [dir = "dist", port = "4173", base = "/"] = process.argv.slice(2);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  ".yaml": "text/yaml; charset=utf-8",
  ".map": "application/json",
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end("not found");
    return;
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || "index.html";
  if (rel.endsWith("/")) rel += "index.html";
  const file = normalize(join(dir, rel));
  if (!file.startsWith(normalize(dir))) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
  } catch {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": "no-cache",
    ...(process.env.VARY ? { Vary: process.env.VARY } : {}),
  });
  createReadStream(file).pipe(res);
});
// Port 0 takes any free port; the line below says which.
server.listen(Number(port), "127.0.0.1", () =>
  console.log(`serving ${dir} at http://127.0.0.1:${server.address().port}${base}`),
);
