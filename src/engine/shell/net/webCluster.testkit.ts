/**
 * The cluster the terminal's trace tests walk: Service `web` (port 80 → 8080) over three agnhost
 * netexec pods, and a netshoot pod to send from. Tests join the documents with what they add.
 */

/** Deployment `web` (three agnhost netexec pods) and its Service `web`. */
export const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: agnhost
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["netexec", "--http-port=8080"]
          ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

/** Pod `client` (netshoot). */
export const CLIENT = `apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: nicolaka/netshoot}]
`;
