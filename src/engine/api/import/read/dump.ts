/**
 * Reading a cluster dump — what `kubectl get ... -o yaml` or `-o json` prints — and telling a
 * dump from manifests.
 */
import { readJson } from "./readJson";
import { type ReadDump, readYaml } from "./readYaml";

/** The largest dump read, in characters (Packetwalk's limit: the reading runs in a browser tab). */
export const MAX_DUMP_CHARS = 256 * 1024 * 1024;

/**
 * Reads a dump's objects, JSON or YAML as its first character says. Never throws on bad input.
 * `onRead` is told how many characters have been read as the reading goes (a JSON dump is read
 * in one step).
 */
export function readDump(text: string, file: string, onRead?: (chars: number) => void): ReadDump {
  if (text.length > MAX_DUMP_CHARS) {
    return {
      documents: [],
      errors: [
        {
          reason: "Parse",
          message: `error: error reading ${file}: the file is ${text.length} characters, over the ${MAX_DUMP_CHARS} Packetwalk imports (Packetwalk's limit; see docs/emulation.md)`,
          source: { file, line: 1 },
        },
      ],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /\S/.exec(body.slice(0, 4096))?.[0];
  return first === "{" ? readJson(body, file) : readYaml(body, file, onRead);
}

/**
 * A cheap look at text before reading it: could it be a cluster dump? (The server's fields and a
 * Node appear near the top of what `kubectl get nodes,...` prints; the CLI imports a first `-f`
 * file that passes.)
 */
export function mightBeClusterDump(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return (
    /\buid"?:/.test(head) && /\bresourceVersion"?:\s*"?\d/.test(head) && /\bkind"?:\s*"?Node\b/.test(head)
  );
}
