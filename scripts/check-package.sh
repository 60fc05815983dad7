#!/usr/bin/env bash
# The npm package as a user gets it: pack, install the tarball into an empty project, then run
# `npx packetwalk` (built JavaScript, no TypeScript at run time) and import `packetwalk/engine`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -1)"
echo "packed $tarball: $(tar tzf "$work/$tarball" | wc -l) files"
if tar tzf "$work/$tarball" | grep -E '\.test\.ts$|\.golden$|^package/src/|^package/e2e/'; then
  echo "the package holds sources or tests" >&2
  exit 1
fi
cd "$work"
npm init -y >/dev/null
npm pkg set type=module
# --ignore-scripts: a consumer runs none of packetwalk's (its `prepare` builds a checkout only).
npm install --no-audit --no-fund --prefer-offline --ignore-scripts "./$tarball" >/dev/null
if [ -e node_modules/tsx ] || [ -e node_modules/typescript ]; then
  echo "installing packetwalk pulled in a TypeScript toolchain" >&2
  exit 1
fi
npx --no-install packetwalk --version
cat > svc.yaml <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.96.100.100
  selector:
    app: web
  ports:
  - port: 80
YAML
out="$(npx --no-install packetwalk -f svc.yaml -c 'kubectl get svc web --no-headers')"
echo "$out"
[[ "$out" == web*10.96.100.100* ]]
node --input-type=module -e '
import { Simulation, PROXY_MODES } from "packetwalk/engine";
const sim = new Simulation({ seed: 7 });
const report = sim.apply([{ name: "svc.yaml", text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n" }]);
if (report.errors.length || report.results[0]?.action !== "created") throw new Error(JSON.stringify(report));
console.log(`packetwalk/engine: ${PROXY_MODES.join(", ")}; ${report.results[0].resource}/${report.results[0].name} ${report.results[0].action}`);
'
# The declarations, as a TypeScript consumer checks them under both module resolutions, with
# skipLibCheck off: every type the engine returns resolves inside the package.
cat > use.ts <<'TS'
import { type ApplyReport, Simulation, type Trace } from "packetwalk/engine";
const sim = new Simulation({ seed: 1 });
const report: ApplyReport = sim.apply([{ name: "svc.yaml", text: "" }]);
const trace: Trace = sim.send({ from: { type: "node", node: "kind-worker" }, target: "10.96.0.1:443" });
const kinds: string[] = report.results.map((r) => r.kind);
const hops: number = trace.hops.length;
// @ts-expect-error: the facade has no such method
sim.nope();
export { hops, kinds };
TS
for resolution in node16 bundler; do
  module=$([ "$resolution" = node16 ] && echo node16 || echo esnext)
  "$root/node_modules/.bin/tsc" --noEmit --strict --skipLibCheck false --target es2022 \
    --module "$module" --moduleResolution "$resolution" --types node --typeRoots "$root/node_modules/@types" use.ts
  echo "packetwalk/engine type-checks under moduleResolution $resolution"
done
echo "package OK"
