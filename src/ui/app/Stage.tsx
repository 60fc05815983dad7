import { useEffect, useRef, useState } from "react";
import { SendPacketForm } from "../features/send/SendPacketForm";
import { TopologyPanel } from "../features/topology/TopologyPanel";
import { Playback } from "../features/trace/Playback";
import { useAppStore } from "../store";
import { phonePanel } from "./PhoneTabs";

/** The room the toolbars over the diagram take at its top and bottom edges, in px. */
export interface Insets {
  top: number;
  bottom: number;
}

/**
 * The diagram with the send bar over its top edge and playback over its bottom edge; the diagram
 * keeps what it draws clear of both. On a phone the bars sit above and below it instead.
 */
export function Stage({ hidden, phone }: { hidden: boolean; phone: boolean }) {
  const stage = useRef<HTMLDivElement>(null);
  const [insets, setInsets] = useState<Insets>({ top: 0, bottom: 0 });
  const setSide = useAppStore((s) => s.setSide);

  useEffect(() => {
    const el = stage.current;
    if (!el || phone) {
      setInsets({ top: 0, bottom: 0 });
      return;
    }
    // Bars come and go (playback shows with a trace) and wrap on narrow stages: measured as they change.
    const measure = () => {
      const bar = (selector: string) => {
        const b = el.querySelector<HTMLElement>(selector);
        return b ? b.offsetTop + b.offsetHeight : 0;
      };
      const bottomBar = el.querySelector<HTMLElement>(".playback");
      setInsets({
        top: bar(".send-panel"),
        bottom: bottomBar ? el.clientHeight - bottomBar.offsetTop : 0,
      });
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const watchBars = new MutationObserver(() => {
      for (const b of el.querySelectorAll(".toolbar")) observer.observe(b);
      measure();
    });
    watchBars.observe(el, { childList: true });
    for (const b of el.querySelectorAll(".toolbar")) observer.observe(b);
    return () => {
      observer.disconnect();
      watchBars.disconnect();
    };
  }, [phone]);

  return (
    <div ref={stage} className="wb-stage" hidden={hidden} {...phonePanel(phone, "diagram")}>
      <SendPacketForm />
      <TopologyPanel insets={insets} />
      <Playback onOpenTrace={phone ? undefined : () => setSide("trace")} />
    </div>
  );
}
