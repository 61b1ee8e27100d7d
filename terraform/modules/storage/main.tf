variable "project_id" {
  description = "Project of the buckets; bucket names start with it."
  type        = string
}

variable "region" {
  description = "Bucket location."
  type        = string
}

variable "kms_key_name" {
  description = "Optional Cloud KMS key for every bucket."
  type        = string
  default     = null
}

variable "staging_retention_days" {
  description = "Days before staged run output is deleted."
  type        = number
}

variable "grants" {
  description = "Bucket-level grants: bucket key (landing, staging, ledger, flink, artifacts), role, member."
  type = list(object({
    bucket = string
    role   = string
    member = string
  }))

  validation {
    condition     = alltrue([for g in var.grants : !contains(["allUsers", "allAuthenticatedUsers"], g.member)])
    error_message = "grants: buckets are never public."
  }
}

locals {
  buckets = {
    # Tenants' billing exports arrive here, under landing/<tenant>/<provider>/.
    landing = { versioning = false, staging_lifecycle = false }
    # A run's intermediate output (manifests, Parquet); short-lived.
    staging = { versioning = false, staging_lifecycle = true }
    # The run ledger and the configuration; versioned, so every write can be audited and undone.
    ledger = { versioning = true, staging_lifecycle = false }
    # Flink checkpoints, savepoints and high-availability metadata (gke-taskmanager overlays), and
    # the job jar the process step submits (jobs/, uploaded by the deploy step).
    flink = { versioning = false, staging_lifecycle = false }
    # Build artifacts: the functions' source archive.
    artifacts = { versioning = true, staging_lifecycle = false }
  }
}

data "google_storage_project_service_account" "this" {
  project = var.project_id
}

resource "google_kms_crypto_key_iam_member" "storage" {
  count         = var.kms_key_name == null ? 0 : 1
  crypto_key_id = var.kms_key_name
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = data.google_storage_project_service_account.this.member
}

resource "google_storage_bucket" "this" {
  for_each                    = local.buckets
  project                     = var.project_id
  name                        = "${var.project_id}-${each.key}"
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = each.value.versioning
  }

  dynamic "lifecycle_rule" {
    for_each = each.value.staging_lifecycle ? [var.staging_retention_days] : []
    content {
      action {
        type = "Delete"
      }
      condition {
        age = lifecycle_rule.value
      }
    }
  }

  # Old versions of versioned buckets are kept for 90 days.
  dynamic "lifecycle_rule" {
    for_each = each.value.versioning ? [90] : []
    content {
      action {
        type = "Delete"
      }
      condition {
        days_since_noncurrent_time = lifecycle_rule.value
        with_state                 = "ARCHIVED"
      }
    }
  }

  dynamic "encryption" {
    for_each = var.kms_key_name == null ? [] : [var.kms_key_name]
    content {
      default_kms_key_name = encryption.value
    }
  }

  depends_on = [google_kms_crypto_key_iam_member.storage]
}

resource "google_storage_bucket_iam_member" "grant" {
  for_each = { for g in var.grants : "${g.bucket} ${g.role} ${g.member}" => g }
  bucket   = google_storage_bucket.this[each.value.bucket].name
  role     = each.value.role
  member   = each.value.member
}

output "bucket_names" {
  description = "Bucket name by key (landing, staging, ledger, flink, artifacts)."
  value       = { for k, b in google_storage_bucket.this : k => b.name }
}
