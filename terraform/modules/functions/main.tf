variable "project_id" {
  description = "Project of the functions."
  type        = string
}

variable "region" {
  description = "Region of the functions."
  type        = string
}

variable "source_bucket" {
  description = "Bucket holding the functions' source archive."
  type        = string
}

variable "source_object" {
  description = "Object name of the source archive."
  type        = string
}

variable "run_requests_topic_id" {
  description = "The run-requests topic AcceptRun is triggered by."
  type        = string
}

variable "environment_variables" {
  description = "Settings every function reads at start-up."
  type        = map(string)
}

variable "accept_run_account" {
  description = "AcceptRun's service account e-mail."
  type        = string
}

variable "admit_run_account" {
  description = "AdmitRun's service account e-mail."
  type        = string
}

variable "run_status_account" {
  description = "RunStatus's service account e-mail."
  type        = string
}

variable "eventarc_account" {
  description = "Service account Eventarc delivers run-requests messages as."
  type        = string
}

variable "admit_run_invokers" {
  description = "Members allowed to call AdmitRun (the workflow)."
  type        = list(string)
}

variable "run_status_invokers" {
  description = "Members allowed to call RunStatus."
  type        = list(string)
}

locals {
  # Function name => entry point class (the functions module) and its service account.
  functions = {
    accept-run = { entry_point = "dev.convergence.functions.AcceptRun", account = var.accept_run_account }
    admit-run  = { entry_point = "dev.convergence.functions.AdmitRun", account = var.admit_run_account }
    run-status = { entry_point = "dev.convergence.functions.RunStatus", account = var.run_status_account }
  }

  invokers = merge(
    { for m in var.admit_run_invokers : "admit-run ${m}" => { function = "admit-run", member = m } },
    { for m in var.run_status_invokers : "run-status ${m}" => { function = "run-status", member = m } },
    { "accept-run eventarc" = { function = "accept-run", member = "serviceAccount:${var.eventarc_account}" } },
  )
}

resource "google_cloudfunctions2_function" "this" {
  for_each = local.functions
  project  = var.project_id
  location = var.region
  name     = each.key

  build_config {
    runtime     = "java17"
    entry_point = each.value.entry_point
    source {
      storage_source {
        bucket = var.source_bucket
        object = var.source_object
      }
    }
  }

  service_config {
    service_account_email            = each.value.account
    available_memory                 = "512Mi"
    timeout_seconds                  = 60
    max_instance_count               = 10
    max_instance_request_concurrency = 1
    # Only Google-internal callers (Eventarc, Workflows) and the VPC; IAM decides who.
    ingress_settings               = "ALLOW_INTERNAL_ONLY"
    all_traffic_on_latest_revision = true
    environment_variables          = merge(var.environment_variables, { CONVERGENCE_FUNCTION = each.key })
  }

  # AcceptRun runs for every message on run-requests; a failure it throws (a dependency down)
  # is retried. A bad request is not thrown: AcceptRun publishes it to run-requests-rejected.
  dynamic "event_trigger" {
    for_each = each.key == "accept-run" ? [var.run_requests_topic_id] : []
    content {
      trigger_region        = var.region
      event_type            = "google.cloud.pubsub.topic.v1.messagePublished"
      pubsub_topic          = event_trigger.value
      retry_policy          = "RETRY_POLICY_RETRY"
      service_account_email = var.eventarc_account
    }
  }
}

# Gen 2 functions are Cloud Run services: invoking one is roles/run.invoker on that service.
resource "google_cloud_run_service_iam_member" "invoker" {
  for_each = local.invokers
  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.this[each.value.function].service_config[0].service
  role     = "roles/run.invoker"
  member   = each.value.member
}

output "admit_run_uri" {
  description = "AdmitRun's URL (IAM-protected)."
  value       = google_cloudfunctions2_function.this["admit-run"].service_config[0].uri
}

output "run_status_uri" {
  description = "RunStatus's URL (IAM-protected)."
  value       = google_cloudfunctions2_function.this["run-status"].service_config[0].uri
}

output "accept_run_trigger" {
  description = "The Eventarc trigger feeding AcceptRun from run-requests."
  value       = google_cloudfunctions2_function.this["accept-run"].event_trigger[0].trigger
}
