variable "project_id" {
  description = "Project of the datasets."
  type        = string
}

variable "region" {
  description = "Dataset location."
  type        = string
}

variable "tenant_ids" {
  description = "Tenant ids; each names its own dataset."
  type        = list(string)
}

variable "kms_key_name" {
  description = "Optional Cloud KMS key used as the datasets' default."
  type        = string
  default     = null
}

variable "ops_grants" {
  description = "Roles on the operations dataset."
  type = list(object({
    role   = string
    member = string
  }))
}

variable "tenant_grants" {
  description = "Roles on every tenant dataset."
  type = list(object({
    role   = string
    member = string
  }))
}

data "google_bigquery_default_service_account" "this" {
  project = var.project_id
}

resource "google_kms_crypto_key_iam_member" "bigquery" {
  count         = var.kms_key_name == null ? 0 : 1
  crypto_key_id = var.kms_key_name
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = data.google_bigquery_default_service_account.this.member
}

# pipeline_runs, step_logs, dq_results: one row per run, step and rule.
resource "google_bigquery_dataset" "ops" {
  project     = var.project_id
  dataset_id  = "convergence_ops"
  location    = var.region
  description = "Convergence operations: runs, steps, data-quality results."

  dynamic "default_encryption_configuration" {
    for_each = var.kms_key_name == null ? [] : [var.kms_key_name]
    content {
      kms_key_name = default_encryption_configuration.value
    }
  }

  depends_on = [google_kms_crypto_key_iam_member.bigquery]
}

# focus_costs, daily_costs, cost_anomalies of one tenant; the tenant id is the dataset id.
resource "google_bigquery_dataset" "tenant" {
  for_each    = toset(var.tenant_ids)
  project     = var.project_id
  dataset_id  = each.value
  location    = var.region
  description = "Convergence tenant ${each.value}: FOCUS costs, daily costs, anomalies."

  labels = {
    tenant = replace(each.value, "_", "-")
  }

  dynamic "default_encryption_configuration" {
    for_each = var.kms_key_name == null ? [] : [var.kms_key_name]
    content {
      kms_key_name = default_encryption_configuration.value
    }
  }

  depends_on = [google_kms_crypto_key_iam_member.bigquery]
}

resource "google_bigquery_dataset_iam_member" "ops" {
  for_each   = { for g in var.ops_grants : "${g.role} ${g.member}" => g }
  project    = var.project_id
  dataset_id = google_bigquery_dataset.ops.dataset_id
  role       = each.value.role
  member     = each.value.member
}

resource "google_bigquery_dataset_iam_member" "tenant" {
  for_each = merge([
    for id in var.tenant_ids : { for g in var.tenant_grants : "${id} ${g.role} ${g.member}" => merge(g, { dataset = id }) }
  ]...)
  project    = var.project_id
  dataset_id = google_bigquery_dataset.tenant[each.value.dataset].dataset_id
  role       = each.value.role
  member     = each.value.member
}

output "ops_dataset_id" {
  description = "The operations dataset."
  value       = google_bigquery_dataset.ops.dataset_id
}

output "tenant_dataset_ids" {
  description = "Dataset id by tenant id."
  value       = { for k, d in google_bigquery_dataset.tenant : k => d.dataset_id }
}
