variable "project_id" {
  description = "Google Cloud project that holds one Convergence environment."
  type        = string
}

variable "region" {
  description = "Region for every regional resource (functions, jobs, workflow, GKE, buckets)."
  type        = string
  default     = "europe-west1"
}

variable "environment" {
  description = "Environment name (dev, prod); labels every resource."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment: 2-16 characters of a-z, 0-9 and -, starting with a letter."
  }
}

variable "config_dir" {
  description = <<-EOT
    Directory (relative to this root module) with the Convergence configuration: tenants/*.yaml
    and pipelines/*.yaml. Each tenant gets a BigQuery dataset and its schedules become Cloud
    Scheduler jobs; the files are uploaded to gs://<ledger bucket>/config/ for the functions and jobs.
  EOT
  type        = string
  default     = "config"
}

variable "workflow_source_path" {
  description = "Path (relative to this root module) of the pipeline-run workflow definition, deployed as is."
  type        = string
  default     = "../workflows/pipeline-run.yaml"
}

variable "function_source_object" {
  description = "Object in the artifacts bucket holding the functions' source archive (built by the functions module)."
  type        = string
  default     = "functions/convergence-functions.zip"
}

variable "image_tag" {
  description = "Tag of the Cloud Run job images in the convergence Artifact Registry repository."
  type        = string
  default     = "latest"
}

variable "flink_image_tag" {
  description = "Tag of Convergence's Flink image (flink in the convergence repository): <Flink version>-java<release>, as gke-taskmanager builds it and the k8s overlays name it."
  type        = string
  default     = "2.3.0-java17"
}

variable "flink_job_jar_object" {
  description = "Object in the Flink bucket holding the job jar the process step submits (gke-taskmanager/target/convergence-flink-job.jar, uploaded by the deploy step)."
  type        = string
  default     = "jobs/convergence-flink-job.jar"
}

variable "gcloud_image" {
  description = "Image with the gcloud CLI that fetches the job jar in the process step's submitter Job."
  type        = string
  default     = "gcr.io/google.com/cloudsdktool/google-cloud-cli:slim"
}

variable "kms_key_name" {
  description = "Optional Cloud KMS key (projects/.../cryptoKeys/...) encrypting buckets and BigQuery datasets; null for Google-managed keys."
  type        = string
  default     = null
}

variable "network" {
  description = "Address ranges of the VPC used by GKE and the Cloud Run jobs."
  type = object({
    subnet_cidr            = string
    pods_cidr              = string
    services_cidr          = string
    master_cidr            = string
    master_authorized_cidr = list(string)
  })
  default = {
    subnet_cidr            = "10.10.0.0/20"
    pods_cidr              = "10.20.0.0/16"
    services_cidr          = "10.30.0.0/20"
    master_cidr            = "172.16.0.0/28"
    master_authorized_cidr = ["10.10.0.0/20"]
  }
}

variable "gke" {
  description = "The GKE cluster running the Flink session cluster (see gke-taskmanager/k8s)."
  type = object({
    location            = optional(string)
    machine_type        = optional(string, "e2-standard-8")
    min_nodes_per_zone  = optional(number, 1)
    max_nodes_per_zone  = optional(number, 3)
    deletion_protection = optional(bool, true)
  })
  default = {}
}

variable "staging_retention_days" {
  description = "Days a run's staged output (staging/ in the data bucket) is kept; landing/ is not expired."
  type        = number
  default     = 14
}

variable "provider_secrets" {
  description = "Secret Manager secret ids for provider credentials the ingest job reads (values are added out of band)."
  type        = list(string)
  default     = []
}

variable "run_status_invokers" {
  description = "IAM members allowed to call RunStatus, e.g. group:finops-operators@example.com."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for m in var.run_status_invokers : !contains(["allUsers", "allAuthenticatedUsers"], m)])
    error_message = "run_status_invokers: RunStatus is private; allUsers and allAuthenticatedUsers are not allowed."
  }
}

variable "alert_emails" {
  description = "E-mail addresses notified by the alert policies."
  type        = list(string)
  default     = []
}
