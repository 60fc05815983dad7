/**
 * What Tab does with the engine's candidates, as bash does it: one candidate
 * completes the word; several complete their common prefix and are listed.
 */
export function applyCompletion(line: string, candidates: string[]): { line: string; show: string[] } {
  if (candidates.length === 0) return { line, show: [] };
  const start = line.search(/\S*$/);
  const word = line.slice(start);
  if (candidates.length === 1) return { line: `${line.slice(0, start)}${candidates[0]} `, show: [] };
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { line: line.slice(0, start) + prefix, show: [] };
  return { line, show: candidates };
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? "";
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
