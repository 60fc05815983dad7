import { useEffect } from "react";

let started = false;

/** Opens a link in the address's fragment; the link code loads only when there is a fragment. */
function openIfLinked(): void {
  if (window.location.hash.length > 1) void import("./openLink").then((m) => m.openFromLocation());
}

/**
 * Reads a share link from the address on load (and when a link is pasted
 * into this tab, which only changes the fragment) and opens it.
 */
export function useShareRestore(): void {
  useEffect(() => {
    if (started) return;
    started = true;
    openIfLinked();
    window.addEventListener("hashchange", openIfLinked);
  }, []);
}
