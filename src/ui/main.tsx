import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { loadCatalog } from "./i18n/catalogs";
import { useAppStore } from "./store";
import { engine } from "./worker/client";
import "./styles.css";

// The store and the engine client, for the browser console and the end-to-end tests.
Object.assign(window, { __packetwalkStore: useAppStore, __packetwalkEngine: engine });

// The page's first render is in the saved (or the browser's) language: its catalogue comes first.
void loadCatalog(useAppStore.getState().language)
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
