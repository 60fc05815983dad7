/**
 * "Why no endpoints?" in the packet's own story: in an imported cluster, a Service whose named
 * targetPort no pod declares refuses the packet, and the trace, the hop that refused it and the
 * diagram's callout on that hop say why — the engine's answer, in English and in Korean.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { collectErrors } from "./fixtures/editor";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const ADMIN = `apiVersion: v1
kind: Service
metadata:
  name: admin
spec:
  selector:
    app: web
  ports:
    - name: web
      port: 80
      targetPort: https
`;

const WHY =
  "default/admin:web has no endpoints: none of the 3 pods its selector picks declares a port named https (they declare http (80/TCP))";
const WHY_KO =
  "default/admin:web에 엔드포인트가 없음: 셀렉터가 고른 파드 3개 중 이름이 https인 포트를 선언한 파드가 없음 (선언된 포트: http (80/TCP))";

test("a packet to a Service whose named targetPort the pods lack is refused, and the trace and the callout say why", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const app = new PacketwalkApp(page);
  await app.goto();
  await app.paste(readFileSync("testdata/import/kind.yaml", "utf8"));
  const editor = page.getByRole("region", { name: "Manifests" });
  await editor.getByRole("button", { name: "Import cluster", exact: true }).click();
  await expect(
    page.getByRole("region", { name: "Import report" }).getByText("Imported 25 objects"),
  ).toBeVisible({
    timeout: 30_000,
  });
  await app.pasteAndApply(ADMIN);
  await expect(app.items("Service admin")).toHaveCount(1);

  await app.sendPacket("", "admin");
  const trace = await app.openTrace();
  await expect(trace.getByText(/^Rejected/)).toBeVisible();
  await expect(trace.locator(".trace-why")).toHaveText(WHY);
  // The hop that refused it carries the answer; stopped there, the diagram's callout says it too.
  const refusing = trace.getByRole("listitem").filter({ hasText: WHY });
  await expect(refusing).toHaveCount(1);
  await refusing.getByRole("button").first().click();
  await expect(refusing).toHaveAttribute("aria-current", "step");
  await expect(page.locator(".topo-callout-noendpoints")).toHaveText(WHY);

  await app.setLanguage("ko");
  const traceKo = page.getByRole("region", { name: "트레이스" });
  await expect(traceKo.locator(".trace-why")).toHaveText(WHY_KO);
  await expect(traceKo.getByRole("listitem").filter({ hasText: WHY_KO })).toHaveAttribute(
    "aria-current",
    "step",
  );
  await expect(page.locator(".topo-callout-noendpoints")).toHaveText(WHY_KO);
  expect(errors).toEqual([]);
});
