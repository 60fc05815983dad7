import { describe, expect, it } from "vitest";
import type { Deployment, Pod } from "../types";
import { invalidMessage } from "./field";
import { validateDeployment, validatePod } from "./workloads";

const meta = (name: string) => ({ name, uid: "u", creationTimestamp: "", resourceVersion: "" });

describe("workload validation", () => {
  it("requires containers", () => {
    const pod = { metadata: meta("p"), spec: { containers: [] } } as unknown as Pod;
    expect(invalidMessage("Pod", "p", validatePod(pod), true)).toBe(
      'The Pod "p" is invalid: spec.containers: Required value',
    );
  });

  it("requires the selector to match the template labels", () => {
    const d = {
      metadata: meta("web"),
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "other" } },
          spec: { containers: [{ name: "c", image: "nginx" }] },
        },
      },
    } as unknown as Deployment;
    const errs = validateDeployment(d);
    expect(invalidMessage("Deployment", "web", errs, false)).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
    expect(invalidMessage("Deployment", "web", errs, true)).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
    );
  });

  it("reports a missing selector twice over, as apps/v1 does", () => {
    const d = {
      metadata: meta("web"),
      spec: {
        template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "n" }] } },
      },
    } as unknown as Deployment;
    expect(invalidMessage("Deployment", "web", validateDeployment(d), false)).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });
});
