/** Names, labels and owner of controller-managed EndpointSlices (`pkg/controller/endpointslice/utils.go`). */
import type { EndpointSlice, Service } from "../../api/types";

export const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
export const LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";
export const LABEL_HEADLESS = "service.kubernetes.io/headless";
export const ANNOTATION_TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
/** `--max-endpoints-per-slice` default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** True for a headless Service (clusterIP None). */
export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === "None";
}

/** `getEndpointSlicePrefix`: `<service>-` (generateName truncates long bases). */
export function slicePrefix(svc: Service): string {
  return `${svc.metadata.name}-`;
}

/** `setEndpointSliceLabels`: the Service's labels, then the controller's own. */
export function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === LABEL_HEADLESS) continue;
    labels[k] = v;
  }
  labels[LABEL_SERVICE_NAME] = svc.metadata.name;
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  if (isHeadless(svc)) labels[LABEL_HEADLESS] = "";
  return labels;
}

/** True for slices this controller manages. */
export function isManagedSlice(slice: EndpointSlice): boolean {
  return slice.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME;
}
