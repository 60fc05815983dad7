// Monaco's editor worker (diffs, links, word ranges), entered from the app's own source like the YAML worker.
import "monaco-editor/esm/vs/editor/editor.worker.js";
