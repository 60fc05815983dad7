import { useEffect } from "react";
import { openFromLocation } from "./openLink";

let started = false;

/**
 * Reads a share link from the address on load (and when a link is pasted
 * into this tab, which only changes the fragment) and opens it.
 */
export function useShareRestore(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    void openFromLocation();
    window.addEventListener("hashchange", () => void openFromLocation());
  }, []);
}
