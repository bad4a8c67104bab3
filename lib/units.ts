/**
 * Fixed quantities of AWS billing and of ECS task definitions, stated once. The contract (lib/schemas), the
 * engine, right-sizing and the forms import them from here; docs/billing-rules.md explains each one.
 * No imports: this module is safe for the page's first-load JavaScript.
 */

/** A month of continuous running: 730 hours (AWS Pricing Calculator). docs/billing-rules.md#month */
export const HOURS_PER_MONTH = 730;

/** Default days a month for scheduled work: 730 h / 24 h. docs/billing-rules.md#month */
export const DEFAULT_DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

/** ECS CPU units per vCPU ("multiply the number of vCPUs by 1,024"). docs/billing-rules.md#cpu-units */
export const CPU_UNITS_PER_VCPU = 1024;

/** MiB per GiB: task definitions and Container Insights give memory in MiB. */
export const MIB_PER_GIB = 1024;

/** Ephemeral storage every Fargate task gets at no charge. docs/billing-rules.md#ephemeral-storage */
export const FARGATE_INCLUDED_STORAGE_GIB = 20;

/** The largest ephemeral storage a Fargate task can have. docs/billing-rules.md#ephemeral-storage */
export const FARGATE_MAX_STORAGE_GIB = 200;

/**
 * Memory EKS adds to every Fargate pod for the Kubernetes components (kubelet, kube-proxy, containerd): 256 MiB.
 * docs/billing-rules.md#eks-fargate-pods
 */
export const EKS_FARGATE_POD_OVERHEAD_GIB = 0.25;

/**
 * EKS pods on Fargate (docs/billing-rules.md#eks-fargate-storage): Fargate provisions the pod's ephemeral-storage
 * requests + 10% (file system) + 5 GiB (system components) and bills what exceeds the 20 GiB included; a pod may
 * request at most 175 GiB (ECS tasks: 200 GiB). AWS Containers blog, "AWS Fargate adds support for larger
 * ephemeral volumes" (EKS, 2023).
 */
export const EKS_FARGATE_STORAGE_FS_SHARE = 0.1;
export const EKS_FARGATE_STORAGE_SYSTEM_GIB = 5;
export const EKS_FARGATE_MAX_POD_STORAGE_GIB = 175;

/** Most containers one EKS pod may list (services[].containers), for the schema and the form. */
export const MAX_POD_CONTAINERS = 50;

/**
 * gp3 volumes (docs/billing-rules.md#gp3-iops-throughput): 3,000 IOPS and 125 MiB/s are included in the GB-month
 * price; above them IOPS and throughput are billed per provisioned IOPS-month and MiB/s-month. A volume takes at most
 * 80,000 IOPS and 2,000 MiB/s, at most 500 IOPS per GiB of its size and 0.25 MiB/s per provisioned IOPS (Amazon EBS
 * volume types, General Purpose SSD; EC2 API ModifyVolume: throughput "Maximum value of 2,000").
 */
export const GP3_INCLUDED_IOPS = 3000;
export const GP3_INCLUDED_THROUGHPUT_MIBPS = 125;
export const GP3_MAX_IOPS = 80_000;
export const GP3_MAX_THROUGHPUT_MIBPS = 2000;
export const GP3_MAX_IOPS_PER_GIB = 500;
export const GP3_MAX_MIBPS_PER_IOPS = 0.25;
