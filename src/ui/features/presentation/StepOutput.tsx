import { useEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";

/** The current step's commands and their output, as the terminal printed them, in large type. */
export function StepOutput() {
  const t = useT();
  const lines = useAppStore((s) => s.lines);
  const start = useAppStore((s) => s.stepLineStart);
  const log = useRef<HTMLDivElement>(null);
  const shown = lines.slice(Math.min(start, lines.length));
  useEffect(() => {
    if (log.current && shown.length >= 0) log.current.scrollTop = log.current.scrollHeight;
  }, [shown.length]);
  return (
    <section className="present-output" aria-label={t("presentation.output")}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard to scroll it. */}
      <div ref={log} className="present-log" role="log" tabIndex={0}>
        {shown.length === 0 ? <p className="muted">{t("presentation.noCommands")}</p> : null}
        {shown.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only scrollback; index is identity.
          <pre key={i} className={`present-line present-${l.kind}`}>
            {l.kind === "input" ? <span className="present-prompt">{l.prompt} </span> : null}
            {l.text}
          </pre>
        ))}
      </div>
    </section>
  );
}
