variable "project_id" {
  description = "Project of the scheduler jobs."
  type        = string
}

variable "region" {
  description = "Region of the scheduler jobs."
  type        = string
}

variable "topic_id" {
  description = "The run-requests topic."
  type        = string
}

variable "schedules" {
  description = "Job name => tenant, pipeline, cron, time zone and which billing period (current or previous)."
  type = map(object({
    tenant_id             = string
    pipeline              = string
    cron                  = string
    time_zone             = string
    billing_period_choice = string
  }))

  validation {
    condition     = alltrue([for s in values(var.schedules) : contains(["current", "previous"], s.billing_period_choice)])
    error_message = "schedules: billing_period must be current or previous."
  }
}

# Each job publishes a run request without billing_period: a schedule cannot compute a month.
# The attribute billing_period_choice (current | previous) tells AcceptRun which period to
# resolve, at the moment it receives the message, in the schedule's time zone (attribute
# time_zone). request_id is also left to AcceptRun (derived from the schedule id and the
# message's publish time), so a retried delivery admits one run.
resource "google_cloud_scheduler_job" "this" {
  for_each    = var.schedules
  project     = var.project_id
  region      = var.region
  name        = each.key
  description = "Run ${each.value.pipeline} for tenant ${each.value.tenant_id} (${each.value.billing_period_choice} period)"
  schedule    = each.value.cron
  time_zone   = each.value.time_zone

  pubsub_target {
    topic_name = var.topic_id
    data = base64encode(jsonencode({
      tenant_id = each.value.tenant_id
      pipeline  = each.value.pipeline
      trigger   = "scheduler"
    }))
    attributes = {
      billing_period_choice = each.value.billing_period_choice
      time_zone             = each.value.time_zone
      schedule_id           = each.key
    }
  }

  retry_config {
    retry_count          = 3
    min_backoff_duration = "30s"
  }
}

output "job_names" {
  description = "The scheduler jobs."
  value       = [for j in google_cloud_scheduler_job.this : j.name]
}
