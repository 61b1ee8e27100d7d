variable "project_id" {
  description = "Project of the service accounts."
  type        = string
}

variable "accounts" {
  description = "One entry per component: account id suffix => description and project-level roles."
  type = map(object({
    description   = string
    project_roles = list(string)
  }))

  validation {
    condition = alltrue(flatten([
      for a in values(var.accounts) : [for r in a.project_roles : !contains(["roles/owner", "roles/editor", "roles/viewer"], r)]
    ]))
    error_message = "accounts: basic roles (owner, editor, viewer) are never granted."
  }
}

resource "google_service_account" "component" {
  for_each     = var.accounts
  project      = var.project_id
  account_id   = "convergence-${each.key}"
  display_name = "Convergence ${each.key}"
  description  = each.value.description
}

resource "google_project_iam_member" "component" {
  for_each = merge([
    for name, account in var.accounts : {
      for role in account.project_roles : "${name} ${role}" => { name = name, role = role }
    }
  ]...)
  project = var.project_id
  role    = each.value.role
  member  = google_service_account.component[each.value.name].member
}

output "emails" {
  description = "Service account e-mail by component."
  value       = { for k, a in google_service_account.component : k => a.email }
}

output "members" {
  description = "IAM member (serviceAccount:...) by component."
  value       = { for k, a in google_service_account.component : k => a.member }
}

output "names" {
  description = "Fully qualified service account name (projects/.../serviceAccounts/...) by component."
  value       = { for k, a in google_service_account.component : k => a.name }
}
