import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/** A bundled package: its name, version, licence and licence text. */
interface Notice {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** The package.json above `file` that names a package (the nearest under a node_modules folder). */
function packageRoot(file: string): string | null {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return null;
  let dir = dirname(file);
  while (dir.length > at + 13) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name) return dir;
    dir = dirname(dir);
  }
  return null;
}

function notice(root: string): Notice {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const files = readdirSync(root);
  const license = files.find((f) => /^(licen[cs]e|copying)(\..*)?$/i.test(f));
  // A package that bundles others lists them in its own notices file (monaco-editor does).
  const more = files.find((f) => /^thirdpartynotices(\..*)?$/i.test(f));
  const text = [license, more]
    .filter((f): f is string => f !== undefined)
    .map((f) => readFileSync(join(root, f), "utf8").trim());
  return {
    name: pkg.name,
    version: pkg.version,
    license: typeof pkg.license === "string" ? pkg.license : "see its package",
    text: text.join("\n\n") || `No licence file; package.json says ${pkg.license}.`,
  };
}

/** Licences of packages that arrive pre-bundled inside another package's files, kept in vite/notices. */
const NOTICES_DIR = fileURLToPath(new URL("notices", import.meta.url));

/**
 * Packages esbuild inlined into a published file, from the `// node_modules/<name>/…` comments
 * it leaves (monaco-yaml's worker carries yaml-language-server this way).
 */
function inlinedPackages(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)) names.add(m[1]!);
  return [...names];
}

function inlinedNotice(name: string, within: string): Notice {
  const file = join(NOTICES_DIR, `${name.replace("/", "__")}.LICENSE`);
  if (!existsSync(file)) {
    throw new Error(`${within} bundles ${name}: add its licence text as vite/notices/${name}.LICENSE`);
  }
  const text = readFileSync(file, "utf8").trim();
  const license = /^(The )?MIT License/i.test(text) ? "MIT" : "see the text";
  return { name, version: `inside ${within}`, license, text };
}

/**
 * Writes THIRD-PARTY-LICENSES.md into the build: every package bundled into the page's chunks
 * and into its workers (Monaco's, the YAML language server's, the engine's), with its licence
 * text. Vite's own `build.license` sees only the page's chunks, not the workers'.
 */
export function thirdPartyNotices(fileName = "THIRD-PARTY-LICENSES.md"): { page: Plugin; worker: Plugin } {
  const roots = new Set<string>();
  const inlined = new Map<string, string>();
  const collect: Plugin = {
    name: "packetwalk-third-party-notices-collect",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        for (const id of chunk.moduleIds) {
          const file = id.replace(/^\0/, "").split("?")[0]!;
          const root = packageRoot(file);
          if (!root) continue;
          roots.add(root);
          const within = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).name as string;
          for (const name of inlinedPackages(existsSync(file) ? readFileSync(file, "utf8") : "")) {
            if (name !== within) inlined.set(name, within);
          }
        }
      }
    },
  };
  let outDir = "dist";
  const page: Plugin = {
    ...collect,
    name: "packetwalk-third-party-notices",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const notices = [
        ...[...roots].map(notice),
        ...[...inlined].map(([name, within]) => inlinedNotice(name, within)),
      ].sort((a, b) => a.name.localeCompare(b.name));
      const unique = notices.filter(
        (n, i) => i === 0 || n.name !== notices[i - 1]!.name || n.version !== notices[i - 1]!.version,
      );
      const body = unique.map((n) => `## ${n.name} ${n.version} (${n.license})\n\n\`\`\`\n${n.text}\n\`\`\``);
      const head =
        "# Third-party software in this build\n\nPacketwalk bundles the following packages; each is listed with its licence.\n";
      writeFileSync(join(outDir, fileName), `${head}\n${body.join("\n\n")}\n`);
    },
  };
  return { page, worker: collect };
}
