/**
 * The editor's status tells the truth: red when nothing was applied, amber when some documents
 * were refused or the text is not applied yet, green "Applied" only when the cluster holds it.
 */
import { expect, type Locator, test } from "@playwright/test";
import { PacketwalkApp } from "./fixtures/app";
import { webService } from "./fixtures/manifests";

const SYNTAX_ERROR = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: [unclosed
`;

const BAD_NAME = `apiVersion: v1
kind: Service
metadata:
  name: My_Service
spec:
  ports:
  - port: 80
`;

/** Which of the theme's colours the status is written in. */
async function tone(status: Locator): Promise<string> {
  return status.evaluate((el) => {
    const probe = (v: string) => {
      const p = document.createElement("span");
      p.style.color = `var(${v})`;
      document.body.append(p);
      const c = getComputedStyle(p).color;
      p.remove();
      return c;
    };
    const color = getComputedStyle(el).color;
    return ["--bad", "--warn", "--ok"].find((v) => probe(v) === color)?.slice(2) ?? color;
  });
}

test("the apply status: red when nothing was applied, amber for a partial apply, green when all was", async ({
  page,
}) => {
  const app = new PacketwalkApp(page);
  await app.goto();
  const editor = await app.openEditor();
  const status = editor.getByRole("status");
  await expect(status).toHaveText("Unapplied changes");
  expect(await tone(status)).toBe("warn");

  await app.applyManifest(SYNTAX_ERROR);
  await expect(status).toHaveText("Nothing applied · 1 error");
  expect(await tone(status)).toBe("bad");
  // And nothing was: the cluster has no Service web.
  expect(await app.run("kubectl get svc web")).toContain(
    'Error from server (NotFound): services "web" not found',
  );

  await app.applyManifest(`${webService("web")}---\n${BAD_NAME}`);
  await expect(status).toHaveText("Applied 1 object · 1 error");
  expect(await tone(status)).toBe("warn");

  await app.applyManifest(`${webService("web")}---\n${webService("other")}`);
  await expect(status).toHaveText("Applied");
  expect(await tone(status)).toBe("ok");

  await app.setLanguage("ko");
  const ko = page.getByRole("region", { name: "매니페스트" });
  await expect(ko.getByRole("status")).toHaveText("적용됨");
  await page.evaluate((text) => window.__packetwalkStore!.getState().setText(text), SYNTAX_ERROR);
  await expect(ko.getByRole("status")).toHaveText("적용되지 않은 변경");
  await ko.getByRole("button", { name: "적용", exact: true }).click();
  await expect(ko.getByRole("status")).toHaveText("적용된 것 없음 · 오류 1개");
  expect(await tone(ko.getByRole("status"))).toBe("bad");
});
