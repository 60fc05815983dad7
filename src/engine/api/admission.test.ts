import { describe, expect, it } from "vitest";
import { Simulation } from "../simulation";

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
      resources:
        limits:
          memory: 128Mi
      readinessProbe:
        httpGet:
          port: 80
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          resources:
            limits:
              memory: 128Mi
          readinessProbe:
            httpGet:
              port: 80
`;

type PodJson = {
  metadata: { name: string };
  spec: Record<string, unknown> & {
    containers: (Record<string, unknown> & { volumeMounts?: { name: string }[] })[];
    volumes?: { name: string }[];
  };
};

function pods(sim: Simulation, selector = ""): PodJson[] {
  return (JSON.parse(sim.run(`kubectl get pods ${selector} -o json`).stdout) as { items: PodJson[] }).items;
}

/** The spec without what differs between two pods by nature (name-derived volume, node). */
function comparable(p: PodJson): unknown {
  const { nodeName: _n, volumes, containers, ...rest } = p.spec;
  return {
    ...rest,
    volumes: volumes?.map((v) => ({ ...v, name: v.name.replace(/-[a-z0-9]{5}$/, "-XXXXX") })),
    containers: containers.map((c) => ({
      ...c,
      volumeMounts: c.volumeMounts?.map((m) => ({ ...m, name: m.name.replace(/-[a-z0-9]{5}$/, "-XXXXX") })),
    })),
  };
}

describe("pod admission and defaulting, alike for every pod", () => {
  it("gives a bare pod and a Deployment's pod the same server-set fields", () => {
    const sim = new Simulation({ seed: 3 });
    expect(
      sim.apply([
        { name: "p.yaml", text: POD },
        { name: "d.yaml", text: DEPLOYMENT },
      ]).errors,
    ).toEqual([]);
    const bare = pods(sim).find((p) => p.metadata.name === "bare")!;
    const fromTemplate = pods(sim, "-l app=web")[0]!;
    expect(comparable(fromTemplate)).toEqual(comparable(bare));
    const spec = bare.spec;
    expect(spec.serviceAccountName).toBe("default");
    expect(spec.serviceAccount).toBe("default");
    expect(spec.priority).toBe(0);
    expect(spec.preemptionPolicy).toBe("PreemptLowerPriority");
    expect(spec.enableServiceLinks).toBe(true);
    expect(spec.tolerations).toEqual(
      ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].map((key) => ({
        effect: "NoExecute",
        key,
        operator: "Exists",
        tolerationSeconds: 300,
      })),
    );
    const c = spec.containers[0]!;
    expect(c.readinessProbe).toEqual({
      failureThreshold: 3,
      httpGet: { path: "/", port: 80, scheme: "HTTP" },
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    expect(c.env).toEqual([
      { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
    ]);
    expect(c.resources).toEqual({ limits: { memory: "128Mi" }, requests: { memory: "128Mi" } });
    expect(c.volumeMounts).toEqual([
      {
        mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
        name: spec.volumes?.[0]?.name,
        readOnly: true,
      },
    ]);
    expect(spec.volumes?.[0]?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("leaves the template itself without pod-only defaults or admission", () => {
    const sim = new Simulation({ seed: 3 });
    sim.apply([{ name: "d.yaml", text: DEPLOYMENT }]);
    const d = JSON.parse(sim.run("kubectl get deploy web -o json").stdout) as {
      spec: { template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } } };
    };
    const t = d.spec.template.spec;
    expect(t.serviceAccountName).toBeUndefined();
    expect(t.priority).toBeUndefined();
    expect(t.tolerations).toBeUndefined();
    expect(t.containers[0]?.resources).toEqual({ limits: { memory: "128Mi" } });
    expect((t.containers[0]!.readinessProbe as { timeoutSeconds: number }).timeoutSeconds).toBe(1);
  });

  it("admits kubectl run and kubectl create deployment pods the same way", () => {
    const sim = new Simulation({ seed: 3 });
    sim.run("kubectl run one --image=nginx");
    sim.run("kubectl create deployment two --image=nginx");
    const [one, two] = [pods(sim, "-l run=one")[0]!, pods(sim, "-l app=two")[0]!];
    for (const p of [one, two]) {
      expect(p.spec.serviceAccountName).toBe("default");
      expect(p.spec.priority).toBe(0);
      expect((p.spec.tolerations as unknown[]).length).toBe(2);
      expect(p.spec.volumes?.length).toBe(1);
    }
  });

  it("keeps the service account mount out when the pod opts out, and keeps a given toleration", () => {
    const sim = new Simulation({ seed: 3 });
    const text = POD.replace(
      "spec:\n",
      "spec:\n  automountServiceAccountToken: false\n  tolerations:\n    - key: node.kubernetes.io/not-ready\n      operator: Exists\n      effect: NoExecute\n",
    );
    expect(sim.apply([{ name: "p.yaml", text }]).errors).toEqual([]);
    const spec = pods(sim)[0]!.spec;
    expect(spec.volumes).toBeUndefined();
    expect(spec.tolerations).toEqual([
      { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists" },
      {
        effect: "NoExecute",
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        tolerationSeconds: 300,
      },
    ]);
  });

  it("sets a system class's priority and refuses an unknown class as the Priority plugin does", () => {
    const sim = new Simulation({ seed: 3 });
    sim.apply([
      { name: "p.yaml", text: POD.replace("spec:\n", "spec:\n  priorityClassName: system-node-critical\n") },
    ]);
    expect(pods(sim)[0]!.spec.priority).toBe(2000001000);
    const r = sim.apply([
      {
        name: "q.yaml",
        text: POD.replace("name: bare", "name: odd").replace("spec:\n", "spec:\n  priorityClassName: gold\n"),
      },
    ]);
    expect(r.errors.map((e) => e.message)).toEqual([
      'Error from server (Forbidden): error when creating "q.yaml": pods "odd" is forbidden: no PriorityClass with name gold was found',
    ]);
  });

  it("reports an unchanged pod as unchanged on a second apply", () => {
    const sim = new Simulation({ seed: 3 });
    sim.writeFile("p.yaml", POD);
    expect(sim.run("kubectl apply -f p.yaml").output).toBe("pod/bare created\n");
    expect(sim.run("kubectl apply -f p.yaml").output).toBe("pod/bare unchanged\n");
  });
});
