import type { ShellContext } from "./types";

export const HOME = "/root";

/** The shell's working directory: a node shell's own, `/` in a pod. */
export function cwdOf(ctx: ShellContext): string {
  return ctx.type === "node" ? ctx.cwd : "/";
}

/** Resolves `path` against `cwd` as a shell does: `~`, `.`, `..`, absolute paths. */
export function resolvePath(cwd: string, path: string): string {
  const start =
    path === "~" || path.startsWith("~/")
      ? HOME + path.slice(1)
      : path.startsWith("/")
        ? path
        : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of start.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/** How bash's `\w` shows a directory: home as `~`. */
export function displayPath(dir: string): string {
  return dir === HOME ? "~" : dir.startsWith(`${HOME}/`) ? `~${dir.slice(HOME.length)}` : dir;
}

/** Directories that exist: the well-known ones, those made with mkdir, and every file's parents. */
export function isDirectory(
  dir: string,
  files: ReadonlyMap<string, string>,
  made: ReadonlySet<string>,
): boolean {
  if (dir === "/" || dir === HOME || dir === "/tmp" || dir === "/etc" || made.has(dir)) return true;
  const prefix = `${dir}/`;
  for (const f of files.keys()) if (f.startsWith(prefix)) return true;
  for (const d of made) if (d.startsWith(prefix)) return true;
  return false;
}
