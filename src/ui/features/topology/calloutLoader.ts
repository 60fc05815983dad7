/**
 * The callout's code — the hop's story in the engine's words and their Korean —
 * loads when the first trace is drawn, not with the page.
 */
type CalloutModule = typeof import("./callout");

let loaded: CalloutModule | undefined;
let loading: Promise<CalloutModule> | undefined;

/** The callout module, once loaded. */
export function calloutModule(): CalloutModule | undefined {
  return loaded;
}

/** Loads the callout module (once). */
export function loadCallout(): Promise<CalloutModule> {
  loading ??= import("./callout").then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}
