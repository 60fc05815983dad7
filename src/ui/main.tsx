import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { useAppStore } from "./store";
import "./styles.css";

// The store, for the browser console and the end-to-end tests.
Object.assign(window, { __packetwalkStore: useAppStore });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
