variable "project_id" {
  description = "Project of the secrets."
  type        = string
}

variable "secret_ids" {
  description = "Secrets to create; their values are added out of band (gcloud secrets versions add)."
  type        = list(string)
}

variable "accessors" {
  description = "Members that read every secret."
  type        = list(string)
}

resource "google_secret_manager_secret" "this" {
  for_each  = toset(var.secret_ids)
  project   = var.project_id
  secret_id = each.value

  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_iam_member" "accessor" {
  for_each = merge([
    for id in var.secret_ids : { for m in var.accessors : "${id} ${m}" => { secret = id, member = m } }
  ]...)
  project   = var.project_id
  secret_id = google_secret_manager_secret.this[each.value.secret].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = each.value.member
}

output "secret_ids" {
  description = "Secret id by name."
  value       = { for k, s in google_secret_manager_secret.this : k => s.id }
}
