import { useEffect, useRef } from "react";
import { ShareControls } from "../features/share/ShareControls";

/**
 * The share controls in the header: the link, copy and QR code open as a card under the Share
 * button; like any popover it closes on Escape or a click outside it (by its own Close button).
 */
export function HeaderShare() {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = () => box.current?.querySelector<HTMLButtonElement>(".share-close")?.click();
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && box.current?.querySelector(".share-details")) {
        close();
        box.current?.querySelector<HTMLButtonElement>("button")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer, true);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <div ref={box} className="header-share">
      <ShareControls status={false} />
    </div>
  );
}
