import { hopStory } from "../../../engine/net/hopStory";
import type { Trace } from "../../../engine/net/types";
import { noEndpointsText, noteText, stageText, traceMessage, traceWords } from "../../i18n/traceWords";
import type { Language } from "../../store/settingsSlice";

/**
 * A trace as plain text for the clipboard: one hop a line, as `trace` prints
 * it in the terminal, each with its walk under it as `trace -v` draws it —
 * in the reader's language (rules, chains and addresses as the tools write them).
 */
export function traceAsText(trace: Trace, language: Language = "en"): string {
  const words = traceWords(language);
  const lines = [
    `# ${trace.target} (${trace.mode}) → ${trace.verdict}${trace.backend ? ` ${trace.backend.pod} ${trace.backend.ip}:${trace.backend.port}` : ""}`,
  ];
  if (trace.message) lines.push(`# ${trace.says ? traceMessage(language, trace.says) : trace.message}`);
  trace.hops.forEach((h, i) => {
    const where =
      [h.place.node, h.place.pod, h.place.interface].filter(Boolean).join("/") ||
      (h.place.external ? "outside" : "");
    const rewrite = h.rewrite
      ? `  ${h.rewrite.type} ${h.rewrite.before.ip}:${h.rewrite.before.port} -> ${h.rewrite.after.ip}:${h.rewrite.after.port}`
      : "";
    lines.push(
      `${String(i + 1).padStart(3)}  ${h.direction.padEnd(7)} ${where.padEnd(28)} ${stageText(language, h)}${rewrite}`,
    );
    if (h.rule) lines.push(`       ${h.rule}`);
    const note = noteText(language, h);
    if (note) lines.push(`       ${note}`);
    const why = noEndpointsText(language, h);
    if (why) lines.push(`       ${why}`);
    for (const l of hopStory(h, words)) lines.push(`       ${l}`);
  });
  lines.push(`first packet: ${trace.cost.rulesEvaluated} rules evaluated, ${trace.cost.lookups} lookups`);
  return `${lines.join("\n")}\n`;
}
