/**
 * The objects the simulated API server stores. Shapes are Kubernetes' own
 * (from kubernetes-models); the store holds them as plain data.
 */
import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IReplicaSet } from "kubernetes-models/apps/v1/ReplicaSet";
import type { ILease } from "kubernetes-models/coordination.k8s.io/v1/Lease";
import type { IEndpointSlice } from "kubernetes-models/discovery.k8s.io/v1/EndpointSlice";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IEndpoints } from "kubernetes-models/v1/Endpoints";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { INode } from "kubernetes-models/v1/Node";
import type { IPod } from "kubernetes-models/v1/Pod";
import type { IService } from "kubernetes-models/v1/Service";
import type {
  ClusterConfiguration,
  IPAddressPool,
  KubeletConfiguration,
  KubeProxyConfiguration,
} from "./configTypes";

/** Metadata after the API server has accepted an object: name and uid always set. */
export type ObjectMeta = IIoK8sApimachineryPkgApisMetaV1ObjectMeta & {
  name: string;
  uid: string;
  creationTimestamp: string;
  resourceVersion: string;
};

type Stored<T extends { metadata?: unknown }> = Omit<T, "metadata"> & { metadata: ObjectMeta };

export type Namespace = Stored<INamespace>;
export type Node = Stored<INode>;
export type Pod = Stored<IPod>;
export type Deployment = Stored<IDeployment>;
export type ReplicaSet = Stored<IReplicaSet>;
export type Service = Stored<IService>;
export type EndpointSlice = Stored<IEndpointSlice>;
export type Endpoints = Stored<IEndpoints>;
export type ConfigMap = Stored<IConfigMap>;
export type Lease = Stored<ILease>;

/** Every kind the simulated API server serves, by kind name. */
export interface KindMap {
  Namespace: Namespace;
  Node: Node;
  Pod: Pod;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  Service: Service;
  EndpointSlice: EndpointSlice;
  Endpoints: Endpoints;
  ConfigMap: ConfigMap;
  Lease: Lease;
  ClusterConfiguration: Stored<ClusterConfiguration>;
  KubeletConfiguration: Stored<KubeletConfiguration>;
  KubeProxyConfiguration: Stored<KubeProxyConfiguration>;
  IPAddressPool: Stored<IPAddressPool>;
}

export type Kind = keyof KindMap;
export type AnyObject = KindMap[Kind];

/** Where an object came from: the file and line of its document. */
export interface SourceRef {
  file: string;
  line: number;
  column?: number;
}
