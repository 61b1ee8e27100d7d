variable "project_id" {
  description = "Project of the topics."
  type        = string
}

variable "project_number" {
  description = "Project number: names the Pub/Sub service agent that forwards dead letters."
  type        = string
}

variable "publishers" {
  description = "Who may publish to which topic."
  type = list(object({
    topic  = string
    member = string
  }))
}

locals {
  # run-requests is consumed by AcceptRun through its Eventarc trigger (see the functions module);
  # the others have a pull subscription here for the consumers that read them.
  topics = ["run-requests", "run-requests-rejected", "run-events", "cost-anomalies"]

  subscriptions = {
    run-requests-rejected-review = "run-requests-rejected"
    run-events-consumer          = "run-events"
    cost-anomalies-consumer      = "cost-anomalies"
  }

  pubsub_agent = "serviceAccount:service-${var.project_number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_topic" "this" {
  for_each                   = toset(local.topics)
  project                    = var.project_id
  name                       = each.value
  message_retention_duration = "604800s"
}

# Every topic has a dead-letter topic, and every dead-letter topic a subscription holding what
# landed there for a person to inspect (an alert watches their backlog).
resource "google_pubsub_topic" "dead_letter" {
  for_each                   = toset(local.topics)
  project                    = var.project_id
  name                       = "${each.value}-dead-letter"
  message_retention_duration = "604800s"
}

resource "google_pubsub_subscription" "dead_letter" {
  for_each                   = google_pubsub_topic.dead_letter
  project                    = var.project_id
  name                       = "${each.value.name}-hold"
  topic                      = each.value.id
  ack_deadline_seconds       = 60
  message_retention_duration = "604800s"
  retain_acked_messages      = true

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_subscription" "this" {
  for_each                   = local.subscriptions
  project                    = var.project_id
  name                       = each.key
  topic                      = google_pubsub_topic.this[each.value].id
  ack_deadline_seconds       = 60
  message_retention_duration = "604800s"

  expiration_policy {
    ttl = ""
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter[each.value].id
    max_delivery_attempts = 10
  }
}

# The Pub/Sub service agent moves undeliverable messages: it publishes to the dead-letter topics
# and acknowledges on the source subscriptions.
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  for_each = google_pubsub_topic.dead_letter
  project  = var.project_id
  topic    = each.value.name
  role     = "roles/pubsub.publisher"
  member   = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_subscriber" {
  for_each     = google_pubsub_subscription.this
  project      = var.project_id
  subscription = each.value.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = { for p in var.publishers : "${p.topic} ${p.member}" => p }
  project  = var.project_id
  topic    = google_pubsub_topic.this[each.value.topic].name
  role     = "roles/pubsub.publisher"
  member   = each.value.member
}

output "topic_ids" {
  description = "Topic id (projects/.../topics/...) by name."
  value       = { for k, t in google_pubsub_topic.this : k => t.id }
}

output "dead_letter_topic_ids" {
  description = "Dead-letter topic id by source topic name."
  value       = { for k, t in google_pubsub_topic.dead_letter : k => t.id }
}

output "dead_letter_subscription_names" {
  description = "The subscriptions holding dead letters."
  value       = [for s in google_pubsub_subscription.dead_letter : s.name]
}
