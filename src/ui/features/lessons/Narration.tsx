import type { ReactNode } from "react";

/**
 * A lesson's narration: paragraphs split at blank lines, `code` in
 * backticks. Built from text nodes only — a lesson file can never inject HTML.
 */
export function Narration({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
  return (
    <div className={className ?? "narration"}>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text; their order is their identity.
        <p key={i}>{withCode(p)}</p>
      ))}
    </div>
  );
}

function withCode(paragraph: string): ReactNode[] {
  return paragraph.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one paragraph, in order.
      <code key={i}>{part.slice(1, -1)}</code>
    ) : (
      part
    ),
  );
}
