import { useAppStore } from "../../store";
import { BurstTable } from "../send/BurstTable";
import { TracePanel } from "./TracePanel";
import "./trace.css";

/** The side panel's trace view: the last burst's tally, or the selected packet's hops. */
export function TraceSide() {
  const burst = useAppStore((s) => s.burst);
  if (!burst) return <TracePanel />;
  return (
    <div className="burst-panel">
      <BurstTable result={burst} />
    </div>
  );
}
