import { describe, expect, it } from "vitest";
import { goTimeNow, queryParam } from "./agnhost";
import { parseImage } from "./image";
import { nginxVersion, nginxWelcomePage } from "./nginx";
import { workloadFor } from "./registry";
import { byteLength } from "./types";

const ctx = {
  podName: "web-0",
  clientIp: "10.244.1.5",
  clientPort: 51234,
  localPort: 80,
  nowMs: Date.UTC(2026, 0, 5, 9),
  startedMs: Date.UTC(2026, 0, 5, 8),
  connection: 1,
};
const get = (path: string) => ({ method: "GET", path, host: "x", headers: [] as [string, string][] });

describe("workloads", () => {
  it("parses image references", () => {
    expect(parseImage("docker.io/library/nginx:1.19.6")).toEqual({ repository: "nginx", tag: "1.19.6" });
    expect(parseImage("registry.k8s.io/e2e-test-images/agnhost:2.53")).toEqual({
      repository: "registry.k8s.io/e2e-test-images/agnhost",
      tag: "2.53",
    });
    expect(parseImage("localhost:5000/app")).toEqual({ repository: "localhost:5000/app", tag: "latest" });
  });

  it("nginx: version from the tag, the old 612-byte page before 1.21.1, the 615-byte one after", () => {
    expect(nginxVersion("latest")).toBe("1.27.5");
    expect(nginxVersion("1.25-alpine")).toBe("1.25.5");
    expect(byteLength(nginxWelcomePage("1.19.6"))).toBe(612);
    expect(byteLength(nginxWelcomePage("1.27.5"))).toBe(615);
    const w = workloadFor({ image: "nginx:1.19.6" });
    expect(w.listens(80, "TCP")).toBe(true);
    expect(w.listens(8080, "TCP")).toBe(false);
    const res = w.http?.(get("/missing"), ctx);
    expect(res?.status).toBe(404);
    expect(res?.body).toContain("<hr><center>nginx/1.19.6</center>\r\n");
  });

  it("agnhost serve-hostname answers its pod name, no newline, on 9376", () => {
    const w = workloadFor({
      image: "registry.k8s.io/e2e-test-images/agnhost:2.53",
      args: ["serve-hostname"],
    });
    expect(w.listens(9376, "TCP")).toBe(true);
    expect(w.listens(80, "TCP")).toBe(false);
    expect(w.http?.(get("/"), ctx).body).toBe("web-0");
  });

  it("agnhost netexec: /clientip, /echo, and NOW on /", () => {
    const w = workloadFor({
      image: "registry.k8s.io/e2e-test-images/agnhost:2.53",
      command: ["/agnhost"],
      args: ["netexec", "--http-port=8081"],
    });
    expect(w.listens(8081, "TCP")).toBe(true);
    expect(w.http?.(get("/clientip"), ctx).body).toBe("10.244.1.5:51234");
    expect(w.http?.(get("/echo?msg=a+b"), ctx).body).toBe("a b");
    expect(w.http?.(get("/"), ctx).body).toBe(
      "NOW: 2026-01-05 09:00:00.000000000 +0000 UTC m=+3600.000000000",
    );
    expect(queryParam("x=1&msg=%41", "msg")).toBe("A");
    expect(goTimeNow(0, 0)).toBe("1970-01-01 00:00:00.000000000 +0000 UTC m=+0.000000000");
  });

  it("shell images listen on nothing; CoreDNS on 53; unknown images on nothing (containerPort opens no port)", () => {
    expect(workloadFor({ image: "nicolaka/netshoot" }).shell?.prompt).toBe("bash-5.1# ");
    expect(workloadFor({ image: "busybox:1.36" }).shell?.prompt).toBe("/ # ");
    expect(workloadFor({ image: "busybox" }).listens(80, "TCP")).toBe(false);
    expect(workloadFor({ image: "registry.k8s.io/coredns/coredns:v1.12.0" }).listens(53, "UDP")).toBe(true);
    expect(workloadFor({ image: "example/app:1" }).listens(8080, "TCP")).toBe(false);
  });
});
