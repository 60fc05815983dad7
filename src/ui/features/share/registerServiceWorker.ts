/**
 * Registers the service worker (public/sw.js) for the folder the app is
 * served from, so the site keeps working offline after the first visit.
 * Production builds only: the dev server's modules are not precached.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("./sw.js", { scope: "./", type: "classic" }).catch((error: unknown) => {
      // NOTE: offline use is a bonus; the app works without it (file:// pages, private modes).
      console.warn("service worker registration failed", error);
    });
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

registerServiceWorker();
