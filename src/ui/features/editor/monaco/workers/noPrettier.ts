/**
 * Stands in for prettier in the YAML worker's build. The editor offers no "Format document"
 * command and configures monaco-yaml with formatting off, so yaml-language-server never calls
 * prettier; leaving it out takes ~130 KB gzipped from the worker. Were it ever called, the
 * formatter catches this rejection and returns no edits.
 */
export async function format(): Promise<string> {
  throw new Error("formatting is not part of this build");
}
