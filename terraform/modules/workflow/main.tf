variable "project_id" {
  description = "Project of the workflow."
  type        = string
}

variable "region" {
  description = "Region of the workflow."
  type        = string
}

variable "name" {
  description = "Workflow name."
  type        = string
}

variable "source_path" {
  description = "Path of the workflow definition (YAML), deployed as is."
  type        = string
}

variable "service_account" {
  description = "E-mail of the service account the workflow runs as."
  type        = string
}

variable "environment" {
  description = "User environment variables, read in the workflow with sys.get_env."
  type        = map(string)
}

# The definition is read with file(), not templatefile(): Workflows expressions use the same
# $${...} syntax as Terraform templates. Settings reach it as user environment variables.
resource "google_workflows_workflow" "this" {
  project             = var.project_id
  region              = var.region
  name                = var.name
  description         = "One Convergence run: admit, ingest, process, check, publish, finalize."
  service_account     = var.service_account
  call_log_level      = "LOG_ERRORS_ONLY"
  deletion_protection = false
  source_contents     = file(var.source_path)
  user_env_vars       = var.environment
}

output "name" {
  description = "Workflow name."
  value       = google_workflows_workflow.this.name
}

output "id" {
  description = "projects/<p>/locations/<r>/workflows/<name>."
  value       = google_workflows_workflow.this.id
}
