import { useEffect, useState } from "react";
import type { ImportNote, ImportReport } from "../../../engine/api/import/report";
import { type MessageKey, useT } from "../../i18n/useT";
import "./importer.css";

/** The note types in the order the report lists them, with their heading. */
const SECTIONS: { type: ImportNote["type"]; heading: MessageKey }[] = [
  { type: "inconsistent", heading: "import.inconsistent" },
  { type: "ignored", heading: "import.ignored" },
  { type: "derived", heading: "import.derived" },
  { type: "assumed", heading: "import.assumed" },
];

/**
 * What the last import did, as the engine reported it: objects per kind, then what the dump
 * disagrees with itself about, what was left out and why, what was read from it and what was
 * assumed. The notes are the engine's message keys, in the user's language; FILE:LINE and the
 * values (addresses, names, a real tool's own message) stay as they are.
 */
export function ImportReportView({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const t = useT();
  const total = report.counts.reduce((n, c) => n + c.count, 0);
  // The notes come a frame after the counts: the first layout of a report's text (its words
  // shaped for the first time) is tens of ms, on the frame that also ends the import's bar.
  const [notesShown, showNotes] = useState<ImportReport | null>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => showNotes(report));
    return () => cancelAnimationFrame(frame);
  }, [report]);
  return (
    <section className="import-report" aria-label={t("import.report")}>
      <div className="import-report-bar">
        <h3>{t("import.report")}</h3>
        <button type="button" className="button" onClick={onClose}>
          {t("import.closeReport")}
        </button>
      </div>
      <p>{t("import.imported", { count: total })}</p>
      <ul className="import-counts" aria-label={t("import.counts")}>
        {report.counts.map((c) => (
          <li key={c.kind}>
            <span className="import-count">{c.count}</span> {c.kind}
          </li>
        ))}
      </ul>
      {report.errors.length > 0 ? (
        <p className="import-refused">{t("import.refused", { count: report.errors.length })}</p>
      ) : null}
      {(notesShown === report ? SECTIONS : []).map(({ type, heading }) => {
        const notes = report.notes.filter((n) => n.type === type);
        if (notes.length === 0) return null;
        return (
          <div key={type} className={`import-notes import-notes-${type}`}>
            <h4>{t(heading)}</h4>
            <ul>
              {notes.map((n, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: notes are fixed for a report and may repeat a text.
                <li key={i}>
                  {n.source ? (
                    <code>
                      {n.source.file}:{n.source.line}
                    </code>
                  ) : null}{" "}
                  {t(n.key, n.values)}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
