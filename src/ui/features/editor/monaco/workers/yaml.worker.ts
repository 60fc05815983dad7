// The YAML language server's worker, entered from the app's own source so that Vite's dev server
// pre-bundles its CommonJS dependencies (path-browserify) as the production build does.
import "monaco-yaml/yaml.worker.js";
