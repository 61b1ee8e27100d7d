variable "project_id" {
  description = "Project of the alert policies."
  type        = string
}

variable "notification_emails" {
  description = "Addresses notified by every policy."
  type        = list(string)
}

variable "workflow_name" {
  description = "The pipeline-run workflow: its failed executions are failed runs."
  type        = string
}

variable "dead_letter_subscriptions" {
  description = "Subscriptions holding dead letters: any backlog needs a person."
  type        = list(string)
}

resource "google_monitoring_notification_channel" "email" {
  for_each     = toset(var.notification_emails)
  project      = var.project_id
  display_name = "Convergence alerts: ${each.value}"
  type         = "email"
  labels = {
    email_address = each.value
  }
}

locals {
  channels = [for c in google_monitoring_notification_channel.email : c.id]
}

resource "google_monitoring_alert_policy" "failed_runs" {
  project               = var.project_id
  display_name          = "Convergence: failed runs"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "pipeline-run executions failed"
    condition_threshold {
      filter          = "resource.type = \"workflows.googleapis.com/Workflow\" AND resource.labels.workflow_id = \"${var.workflow_name}\" AND metric.type = \"workflows.googleapis.com/finished_execution_count\" AND metric.labels.status = \"FAILED\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_SUM"
      }
    }
  }

  documentation {
    content   = "A pipeline-run execution failed. `gcloud workflows executions list pipeline-run --filter=state=FAILED` lists them; the run ledger holds the reason."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "dead_letter_backlog" {
  project               = var.project_id
  display_name          = "Convergence: dead letters waiting"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "undelivered messages on a dead-letter subscription"
    condition_threshold {
      filter          = "resource.type = \"pubsub_subscription\" AND metric.type = \"pubsub.googleapis.com/subscription/num_undelivered_messages\" AND resource.labels.subscription_id = one_of(${join(", ", [for s in var.dead_letter_subscriptions : "\"${s}\""])})"
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "300s"
      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }

  documentation {
    content   = "Messages reached a dead-letter topic. Pull them from the `*-dead-letter-hold` subscription, fix the cause, republish to the source topic."
    mime_type = "text/markdown"
  }
}

# Flink's Prometheus metrics reach Cloud Monitoring through Managed Service for Prometheus.
resource "google_monitoring_alert_policy" "flink_checkpoint_failures" {
  project               = var.project_id
  display_name          = "Convergence: Flink checkpoints failing"
  combiner              = "OR"
  notification_channels = local.channels

  conditions {
    display_name = "failed checkpoints in the last 15 minutes"
    condition_prometheus_query_language {
      query               = "sum by (job_name) (increase(flink_jobmanager_job_numberOfFailedCheckpoints{namespace=\"convergence-flink\"}[15m])) > 0"
      duration            = "0s"
      evaluation_interval = "60s"
    }
  }

  documentation {
    content   = "A Flink job in the convergence-flink namespace is failing checkpoints. Check the JobManager logs and access to the Flink bucket."
    mime_type = "text/markdown"
  }
}

output "alert_policy_names" {
  description = "The alert policies."
  value = [
    google_monitoring_alert_policy.failed_runs.name,
    google_monitoring_alert_policy.dead_letter_backlog.name,
    google_monitoring_alert_policy.flink_checkpoint_failures.name,
  ]
}
