import type { Trace } from "../../../engine/net/types";

/** A trace as plain text for the clipboard: one hop a line, as `trace` prints it in the terminal. */
export function traceAsText(trace: Trace): string {
  const lines = [
    `# ${trace.target} (${trace.mode}) → ${trace.verdict}${trace.backend ? ` ${trace.backend.pod} ${trace.backend.ip}:${trace.backend.port}` : ""}`,
  ];
  trace.hops.forEach((h, i) => {
    const where =
      [h.place.node, h.place.pod, h.place.interface].filter(Boolean).join("/") ||
      (h.place.external ? "outside" : "");
    const rewrite = h.rewrite
      ? `  ${h.rewrite.type} ${h.rewrite.before.ip}:${h.rewrite.before.port} -> ${h.rewrite.after.ip}:${h.rewrite.after.port}`
      : "";
    lines.push(
      `${String(i + 1).padStart(3)}  ${h.direction.padEnd(7)} ${where.padEnd(28)} ${h.stage}${rewrite}`,
    );
    if (h.rule) lines.push(`       ${h.rule}`);
  });
  lines.push(`first packet: ${trace.cost.rulesEvaluated} rules evaluated, ${trace.cost.lookups} lookups`);
  return `${lines.join("\n")}\n`;
}
