variable "project_id" {
  description = "Project of the cluster."
  type        = string
}

variable "location" {
  description = "Region (regional cluster, nodes in every zone) or zone."
  type        = string
}

variable "name" {
  description = "Cluster name."
  type        = string
}

variable "network_id" {
  description = "VPC id."
  type        = string
}

variable "subnet_id" {
  description = "Subnet id; its secondary ranges hold pods and services."
  type        = string
}

variable "pods_range_name" {
  description = "Secondary range for pods."
  type        = string
}

variable "services_range_name" {
  description = "Secondary range for services."
  type        = string
}

variable "master_cidr" {
  description = "/28 range of the private control plane."
  type        = string
}

variable "master_authorized_cidr" {
  description = "Ranges allowed to reach the control plane's private endpoint."
  type        = list(string)
}

variable "node_service_account" {
  description = "E-mail of the nodes' service account (logging, metrics, image pulls only)."
  type        = string
}

variable "machine_type" {
  description = "Machine type of the Flink node pool."
  type        = string
}

variable "min_nodes_per_zone" {
  description = "Autoscaling minimum per zone."
  type        = number
}

variable "max_nodes_per_zone" {
  description = "Autoscaling maximum per zone."
  type        = number
}

variable "deletion_protection" {
  description = "Refuse to destroy the cluster."
  type        = bool
}

variable "workload_identity_bindings" {
  description = "Kubernetes service accounts that act as Google service accounts."
  type = map(object({
    google_service_account = string
    kubernetes_namespace   = string
    kubernetes_account     = string
  }))
}

# A private cluster: nodes without external addresses, the control plane on a private endpoint
# (plus the IAM-checked DNS endpoint, which is how Workflows reaches it), Dataplane V2 so that
# NetworkPolicies are enforced, Workload Identity, the persistent-disk CSI driver for the
# TaskManagers' volumes, and Managed Service for Prometheus for Flink's metrics.
resource "google_container_cluster" "this" {
  project             = var.project_id
  name                = var.name
  location            = var.location
  network             = var.network_id
  subnetwork          = var.subnet_id
  datapath_provider   = "ADVANCED_DATAPATH"
  deletion_protection = var.deletion_protection

  remove_default_node_pool = true
  initial_node_count       = 1

  release_channel {
    channel = "REGULAR"
  }

  ip_allocation_policy {
    cluster_secondary_range_name  = var.pods_range_name
    services_secondary_range_name = var.services_range_name
  }

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
    master_ipv4_cidr_block  = var.master_cidr
  }

  control_plane_endpoints_config {
    dns_endpoint_config {
      allow_external_traffic = true
    }
  }

  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = var.master_authorized_cidr
      content {
        cidr_block   = cidr_blocks.value
        display_name = "authorized-${cidr_blocks.key}"
      }
    }
  }

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  addons_config {
    gce_persistent_disk_csi_driver_config {
      enabled = true
    }
    http_load_balancing {
      disabled = true
    }
  }

  monitoring_config {
    enable_components = ["SYSTEM_COMPONENTS"]
    managed_prometheus {
      enabled = true
    }
  }

  security_posture_config {
    mode               = "BASIC"
    vulnerability_mode = "VULNERABILITY_BASIC"
  }
}

resource "google_container_node_pool" "flink" {
  project  = var.project_id
  name     = "flink"
  location = var.location
  cluster  = google_container_cluster.this.name

  autoscaling {
    min_node_count = var.min_nodes_per_zone
    max_node_count = var.max_nodes_per_zone
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  upgrade_settings {
    max_surge       = 1
    max_unavailable = 0
  }

  node_config {
    machine_type    = var.machine_type
    disk_type       = "pd-balanced"
    disk_size_gb    = 100
    service_account = var.node_service_account
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }

    labels = {
      pool = "flink"
    }
  }
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each           = var.workload_identity_bindings
  service_account_id = each.value.google_service_account
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${each.value.kubernetes_namespace}/${each.value.kubernetes_account}]"

  # The identity pool exists once the cluster does.
  depends_on = [google_container_cluster.this]
}

output "cluster_name" {
  description = "Cluster name."
  value       = google_container_cluster.this.name
}

output "cluster_id" {
  description = "projects/<p>/locations/<l>/clusters/<name>."
  value       = google_container_cluster.this.id
}

output "location" {
  description = "Cluster location."
  value       = google_container_cluster.this.location
}

output "dns_endpoint" {
  description = "The control plane's DNS endpoint (IAM-checked)."
  value       = google_container_cluster.this.control_plane_endpoints_config[0].dns_endpoint_config[0].endpoint
}
