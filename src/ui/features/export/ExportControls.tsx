import { useState } from "react";
import { useAppStore } from "../../store";
import { type ShareMessageKey, useShareT } from "../share/messages";
import { traceAsText } from "../trace/traceText";
import { downloadBlob } from "./download";
import { findTopologySvg, serializeSvg } from "./serializeSvg";
import { svgToPng } from "./svgToPng";

/** Export the diagram (SVG, PNG) and the selected packet's trace (text). */
export function ExportControls() {
  const t = useShareT();
  const trace = useAppStore((s) => s.trace);
  const language = useAppStore((s) => s.language);
  const [problem, setProblem] = useState<ShareMessageKey | null>(null);

  function diagram() {
    const svg = findTopologySvg();
    if (!svg?.querySelector("g > g > *")) {
      setProblem("export.noDiagram");
      return null;
    }
    setProblem(null);
    return serializeSvg(svg, "Packetwalk topology");
  }

  function exportSvg() {
    const d = diagram();
    if (d) downloadBlob(new Blob([d.markup], { type: "image/svg+xml" }), "packetwalk-topology.svg");
  }

  async function exportPng() {
    const d = diagram();
    if (d) downloadBlob(await svgToPng(d), "packetwalk-topology.png");
  }

  function exportTrace() {
    if (!trace) {
      setProblem("export.noTrace");
      return;
    }
    setProblem(null);
    downloadBlob(
      new Blob([traceAsText(trace, language)], { type: "text/plain;charset=utf-8" }),
      "packetwalk-trace.txt",
    );
  }

  return (
    <div className="export-controls">
      <button type="button" onClick={exportSvg}>
        {t("export.svg")}
      </button>
      <button type="button" onClick={() => void exportPng()}>
        {t("export.png")}
      </button>
      <button type="button" onClick={exportTrace} aria-disabled={trace ? undefined : true}>
        {t("export.trace")}
      </button>
      <span role="status">{problem ? t(problem) : ""}</span>
    </div>
  );
}
