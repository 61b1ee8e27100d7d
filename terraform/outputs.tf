output "bucket_names" {
  description = "Buckets by role: data (landing/ and staging/), ledger, flink, artifacts."
  value       = module.storage.bucket_names
}

output "store" {
  description = "The stages' store (CONVERGENCE_STORE): tenants' exports go under their landing_prefix (landing/<tenant>/<provider>/), runs' output under staging/<tenant>/<run>/."
  value       = local.stage_environment.CONVERGENCE_STORE
}

output "run_requests_topic" {
  description = "Publish run requests here."
  value       = module.pubsub.topic_ids["run-requests"]
}

output "topic_ids" {
  description = "Every topic by name."
  value       = module.pubsub.topic_ids
}

output "workflow_id" {
  description = "The pipeline-run workflow (gcloud workflows execute pipeline-run --location=<region>)."
  value       = module.workflow.id
}

output "admit_run_uri" {
  description = "AdmitRun (IAM-protected)."
  value       = module.functions.admit_run_uri
}

output "run_status_uri" {
  description = "RunStatus (IAM-protected)."
  value       = module.functions.run_status_uri
}

output "accept_run_trigger" {
  description = "Eventarc trigger of AcceptRun; its subscription is where run-requests are delivered from."
  value       = module.functions.accept_run_trigger
}

output "run_jobs" {
  description = "The Cloud Run jobs by name."
  value       = module.run_jobs.job_names
}

output "scheduler_jobs" {
  description = "Cloud Scheduler jobs built from the tenants' schedules."
  value       = module.scheduler.job_names
}

output "tenant_datasets" {
  description = "BigQuery dataset by tenant."
  value       = module.bigquery.tenant_dataset_ids
}

output "gke_cluster" {
  description = "The GKE cluster running the Flink session cluster."
  value       = { name = module.gke.cluster_name, location = module.gke.location, dns_endpoint = module.gke.dns_endpoint }
}

output "service_accounts" {
  description = "Service account e-mail by component."
  value       = module.service_accounts.emails
}

output "image_repository" {
  description = "Artifact Registry prefix for the images."
  value       = local.image_prefix
}

output "flink_image" {
  description = "Convergence's Flink image the process step runs `flink run` in; push it here (gke-taskmanager: mvn -Pimages package jib:build -Djib.to.image=...)."
  value       = local.flink_image
}

output "flink_job_jar" {
  description = "Where the process step fetches the job jar from; upload gke-taskmanager/target/convergence-flink-job.jar here."
  value       = local.flink_job_jar
}
