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
  description = "Days before a run's staged output (staging/ in the data bucket) is deleted."
  type        = number
}

variable "grants" {
  description = <<-EOT
    Bucket-level grants: bucket key (data, ledger, flink, artifacts), role, member, and optionally
    a prefix: the grant then holds only for objects whose names start with it (an IAM condition),
    so a role that writes can be kept to staging/ of the data bucket.
  EOT
  type = list(object({
    bucket = string
    role   = string
    member = string
    prefix = optional(string)
  }))

  validation {
    condition     = alltrue([for g in var.grants : !contains(["allUsers", "allAuthenticatedUsers"], g.member)])
    error_message = "grants: buckets are never public."
  }

  validation {
    condition     = alltrue([for g in var.grants : contains(["data", "ledger", "flink", "artifacts"], g.bucket)])
    error_message = "grants: bucket must be one of data, ledger, flink, artifacts."
  }

  validation {
    condition     = alltrue([for g in var.grants : g.prefix == null || can(regex("^[a-z0-9_-]+/$", g.prefix))])
    error_message = "grants: a prefix is a top-level folder ending in /, such as staging/."
  }
}

locals {
  buckets = {
    # The stages' one store (run-jobs/README.md, CONVERGENCE_STORE): they read landing/ and write
    # staging/ in it, and the Flink job finds a manifest's landing/ keys in the manifest's own
    # bucket. landing/<tenant>/<provider>/: tenants' billing exports, kept;
    # staging/<tenant>/<run>/: a run's manifest, extracts and Parquet output, expired.
    data = { versioning = false, expiring_prefixes = ["staging/"] }
    # The run ledger and the configuration; versioned, so every write can be audited and undone.
    ledger = { versioning = true, expiring_prefixes = [] }
    # Flink checkpoints, savepoints and high-availability metadata (gke-taskmanager overlays), and
    # the job jar the process step submits (jobs/, uploaded by the deploy step).
    flink = { versioning = false, expiring_prefixes = [] }
    # Build artifacts: the functions' source archive.
    artifacts = { versioning = true, expiring_prefixes = [] }
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

  # Objects under an expiring prefix are deleted staging_retention_days after they were written;
  # the rest of the bucket (landing/) is kept.
  dynamic "lifecycle_rule" {
    for_each = length(each.value.expiring_prefixes) > 0 ? [each.value.expiring_prefixes] : []
    content {
      action {
        type = "Delete"
      }
      condition {
        age            = var.staging_retention_days
        matches_prefix = lifecycle_rule.value
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

# A grant with a prefix holds only for objects under it. Listing is checked on the bucket, not on
# an object, so such a grant goes with an unconditional reader grant for the same member.
resource "google_storage_bucket_iam_member" "grant" {
  for_each = { for g in var.grants : "${g.bucket} ${g.role} ${g.member}${g.prefix == null ? "" : " ${g.prefix}"}" => g }
  bucket   = google_storage_bucket.this[each.value.bucket].name
  role     = each.value.role
  member   = each.value.member

  dynamic "condition" {
    for_each = each.value.prefix == null ? [] : [each.value.prefix]
    content {
      title       = "only ${condition.value}"
      description = "Objects under ${condition.value} of this bucket only."
      expression  = "resource.name.startsWith(\"projects/_/buckets/${google_storage_bucket.this[each.value.bucket].name}/objects/${condition.value}\")"
    }
  }
}

output "bucket_names" {
  description = "Bucket name by key (data, ledger, flink, artifacts)."
  value       = { for k, b in google_storage_bucket.this : k => b.name }
}
