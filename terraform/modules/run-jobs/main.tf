variable "project_id" {
  description = "Project of the jobs."
  type        = string
}

variable "region" {
  description = "Region of the jobs."
  type        = string
}

variable "network_id" {
  description = "VPC the jobs' egress goes through."
  type        = string
}

variable "subnet_id" {
  description = "Subnet of the jobs' Direct VPC egress."
  type        = string
}

variable "environment" {
  description = "Settings every job reads at start-up."
  type        = map(string)
}

variable "executors" {
  description = "Members that run the jobs with per-run overrides (the workflow)."
  type        = list(string)
}

variable "jobs" {
  description = "Job name => image, service account e-mail, resources and task timeout."
  type = map(object({
    image           = string
    service_account = string
    cpu             = string
    memory          = string
    timeout         = string
  }))
}

# One task per execution; the workflow passes the run (tenant, run id) as argument overrides.
# All egress goes through the VPC (Private Google Access for Google APIs, Cloud NAT with
# stable addresses for anything else), so the jobs have no path around the network's rules.
resource "google_cloud_run_v2_job" "this" {
  for_each            = var.jobs
  project             = var.project_id
  location            = var.region
  name                = each.key
  deletion_protection = false

  template {
    task_count = 1

    template {
      service_account = each.value.service_account
      timeout         = each.value.timeout
      max_retries     = 2

      containers {
        image = each.value.image

        resources {
          limits = {
            cpu    = each.value.cpu
            memory = each.value.memory
          }
        }

        dynamic "env" {
          for_each = merge(var.environment, { CONVERGENCE_JOB = each.key })
          content {
            name  = env.key
            value = env.value
          }
        }
      }

      vpc_access {
        egress = "ALL_TRAFFIC"
        network_interfaces {
          network    = var.network_id
          subnetwork = var.subnet_id
        }
      }
    }
  }
}

resource "google_cloud_run_v2_job_iam_member" "executor" {
  for_each = merge([
    for name, job in google_cloud_run_v2_job.this : { for m in var.executors : "${name} ${m}" => { job = job.name, member = m } }
  ]...)
  project  = var.project_id
  location = var.region
  name     = each.value.job
  role     = "roles/run.jobsExecutorWithOverrides"
  member   = each.value.member
}

output "job_names" {
  description = "Job name by key."
  value       = { for k, j in google_cloud_run_v2_job.this : k => j.name }
}
