import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api";

/** What monaco-yaml (through monaco-worker-manager) passes to `editor.createWebWorker`. */
interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
  worker?: Worker | Promise<Worker>;
}

/** Module workers, bundled by Vite from these `new URL(…, import.meta.url)` references. */
function createWorker(label: string): Worker {
  if (label === "yaml") {
    return new Worker(new URL("./workers/yaml.worker.ts", import.meta.url), {
      type: "module",
      name: "yaml",
    });
  }
  return new Worker(new URL("./workers/editor.worker.ts", import.meta.url), {
    type: "module",
    name: "editor",
  });
}

/**
 * Gives Monaco its workers: the editor worker, and the YAML language server's worker.
 *
 * Since 0.54 `editor.createWebWorker` takes a ready `Worker`; `monaco-editor`'s main entry wraps it
 * to still accept `{ moduleId, label, createData }`, which monaco-yaml uses. Importing only the
 * editor API skips that wrapper, so the same adapter is installed here: make the worker by label,
 * then hand it the two messages the main entry sends (a wake-up, then the create data).
 */
export function installWorkers(monaco: typeof Monaco): void {
  window.MonacoEnvironment = { getWorker: (_moduleId, label) => createWorker(label) };
  const createWebWorker = monaco.editor.createWebWorker;
  const adapted = <T extends object>(opts: LegacyWorkerOptions): Monaco.editor.MonacoWebWorker<T> => {
    if (opts.worker !== undefined) return createWebWorker<T>({ ...opts, worker: opts.worker });
    const worker = createWorker(opts.label ?? "editorWorkerService");
    worker.postMessage("ignore");
    worker.postMessage(opts.createData);
    return createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  Object.assign(monaco.editor, { createWebWorker: adapted });
}
