import { useSyncExternalStore } from "react";

/** Whether `query` matches now; re-renders when that changes (a rotated phone, a resized window). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The phone layout: one view at a time, chosen in a tab bar. */
export const PHONE_QUERY = "(max-width: 760px)";
