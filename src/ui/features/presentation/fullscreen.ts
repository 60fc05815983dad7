/** The Fullscreen API, guarded: browsers (and iframes) without it just stay windowed. */
export async function toggleFullscreen(el: HTMLElement | null): Promise<void> {
  if (typeof document === "undefined" || !document.fullscreenEnabled) return;
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await (el ?? document.documentElement).requestFullscreen();
  } catch {
    // Refused (no user gesture, a policy): presentation mode works windowed too.
  }
}

export async function leaveFullscreen(): Promise<void> {
  if (typeof document === "undefined" || !document.fullscreenElement) return;
  try {
    await document.exitFullscreen();
  } catch {
    // Already left.
  }
}
