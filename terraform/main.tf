# Convergence on Google Cloud: one environment per project. Modules by concern; the wiring and
# every grant between components is visible here.

data "google_project" "this" {
  project_id = var.project_id
}

module "project_services" {
  source     = "./modules/project-services"
  project_id = var.project_id
}

# One service account per component, with only the project-level roles it cannot get on a
# single resource. Resource-level grants are made where the resource is (buckets, topics,
# datasets, functions, jobs).
module "service_accounts" {
  source     = "./modules/service-accounts"
  project_id = var.project_id
  depends_on = [module.project_services]

  accounts = {
    accept-run = {
      description   = "AcceptRun function: validates and admits run requests, starts pipeline-run"
      project_roles = ["roles/workflows.invoker", "roles/logging.logWriter"]
    }
    admit-run = {
      description   = "AdmitRun function: admission for workflows started directly"
      project_roles = ["roles/logging.logWriter"]
    }
    run-status = {
      description   = "RunStatus function: reads the ledger and the operations dataset"
      project_roles = ["roles/logging.logWriter", "roles/bigquery.jobUser"]
    }
    eventarc = {
      description   = "Delivers run-requests messages to AcceptRun"
      project_roles = ["roles/eventarc.eventReceiver"]
    }
    workflow = {
      description   = "pipeline-run workflow: runs the stage jobs and submits the Flink job"
      project_roles = ["roles/logging.logWriter", "roles/run.viewer"]
    }
    ingest = {
      description   = "convergence-ingest job"
      project_roles = ["roles/logging.logWriter", "roles/bigquery.jobUser"]
    }
    check = {
      description   = "convergence-check job"
      project_roles = ["roles/logging.logWriter"]
    }
    publish = {
      description   = "convergence-publish job"
      project_roles = ["roles/logging.logWriter", "roles/bigquery.jobUser"]
    }
    finalize = {
      description   = "convergence-finalize job"
      project_roles = ["roles/logging.logWriter", "roles/bigquery.jobUser"]
    }
    flink = {
      description   = "Flink JobManagers and TaskManagers (Workload Identity: convergence-flink/flink)"
      project_roles = []
    }
    gke-nodes = {
      description   = "GKE node pool of the Flink cluster"
      project_roles = ["roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/monitoring.viewer", "roles/stackdriver.resourceMetadata.writer"]
    }
  }
}

# The workflow's process step creates the Flink submitter Job in the cluster: a custom role with
# only what that needs, instead of the broad Kubernetes Engine Developer role.
resource "google_project_iam_custom_role" "flink_submitter" {
  project     = var.project_id
  role_id     = "convergenceFlinkSubmitter"
  title       = "Convergence Flink job submitter"
  description = "Create and follow the Kubernetes Job that submits a run's Flink job."
  permissions = [
    "container.clusters.get",
    "container.jobs.create",
    "container.jobs.delete",
    "container.jobs.get",
    "container.jobs.list",
    "container.pods.get",
    "container.pods.list",
    "container.pods.getLogs",
  ]
}

resource "google_project_iam_member" "workflow_flink_submitter" {
  project = var.project_id
  role    = google_project_iam_custom_role.flink_submitter.id
  member  = module.service_accounts.members["workflow"]
}

resource "google_artifact_registry_repository" "convergence" {
  project       = var.project_id
  location      = var.region
  repository_id = "convergence"
  description   = "Convergence images: the Cloud Run jobs and the Flink image"
  format        = "DOCKER"
  depends_on    = [module.project_services]
}

resource "google_artifact_registry_repository_iam_member" "gke_nodes_pull" {
  project    = var.project_id
  location   = var.region
  repository = google_artifact_registry_repository.convergence.name
  role       = "roles/artifactregistry.reader"
  member     = module.service_accounts.members["gke-nodes"]
}

module "network" {
  source        = "./modules/network"
  project_id    = var.project_id
  region        = var.region
  name          = "convergence"
  subnet_cidr   = var.network.subnet_cidr
  pods_cidr     = var.network.pods_cidr
  services_cidr = var.network.services_cidr
  depends_on    = [module.project_services]
}

module "gke" {
  source                 = "./modules/gke"
  project_id             = var.project_id
  location               = local.gke_location
  name                   = "convergence"
  network_id             = module.network.network_id
  subnet_id              = module.network.subnet_id
  pods_range_name        = module.network.pods_range_name
  services_range_name    = module.network.services_range_name
  master_cidr            = var.network.master_cidr
  master_authorized_cidr = var.network.master_authorized_cidr
  node_service_account   = module.service_accounts.emails["gke-nodes"]
  machine_type           = var.gke.machine_type
  min_nodes_per_zone     = var.gke.min_nodes_per_zone
  max_nodes_per_zone     = var.gke.max_nodes_per_zone
  deletion_protection    = var.gke.deletion_protection

  # gke-taskmanager/k8s: namespace convergence-flink, Kubernetes service account flink.
  workload_identity_bindings = {
    flink = {
      google_service_account = module.service_accounts.names["flink"]
      kubernetes_namespace   = "convergence-flink"
      kubernetes_account     = "flink"
    }
  }
}

module "storage" {
  source                 = "./modules/storage"
  project_id             = var.project_id
  region                 = var.region
  kms_key_name           = var.kms_key_name
  staging_retention_days = var.staging_retention_days
  depends_on             = [module.project_services]

  # The data bucket holds landing/ (tenants' exports) and staging/ (runs' output). Reading is
  # granted on the whole bucket (listing is checked on the bucket); writing only under staging/,
  # so no component can change or delete a tenant's landed data.
  #   ingest:   reads landing/ (and its earlier manifest), writes staging/ (manifest, extracts)
  #   flink:    reads landing/ and staging/, writes the run's output under staging/
  #   check:    reads staging/, writes staging/<tenant>/<run>/check/
  #   publish:  reads staging/ (BigQuery loads the Parquet with publish's credentials)
  #   finalize: reads staging/ (summary, anomalies)
  grants = [
    { bucket = "data", role = "roles/storage.objectViewer", member = module.service_accounts.members["ingest"] },
    { bucket = "data", role = "roles/storage.objectUser", member = module.service_accounts.members["ingest"], prefix = "staging/" },
    { bucket = "data", role = "roles/storage.objectViewer", member = module.service_accounts.members["flink"] },
    { bucket = "data", role = "roles/storage.objectUser", member = module.service_accounts.members["flink"], prefix = "staging/" },
    { bucket = "data", role = "roles/storage.objectViewer", member = module.service_accounts.members["check"] },
    { bucket = "data", role = "roles/storage.objectUser", member = module.service_accounts.members["check"], prefix = "staging/" },
    { bucket = "data", role = "roles/storage.objectViewer", member = module.service_accounts.members["publish"] },
    { bucket = "data", role = "roles/storage.objectViewer", member = module.service_accounts.members["finalize"] },
    { bucket = "ledger", role = "roles/storage.objectUser", member = module.service_accounts.members["accept-run"] },
    { bucket = "ledger", role = "roles/storage.objectUser", member = module.service_accounts.members["admit-run"] },
    { bucket = "ledger", role = "roles/storage.objectViewer", member = module.service_accounts.members["run-status"] },
    # ingest and check read config/ only; publish and finalize also keep the run ledger.
    { bucket = "ledger", role = "roles/storage.objectViewer", member = module.service_accounts.members["ingest"] },
    { bucket = "ledger", role = "roles/storage.objectViewer", member = module.service_accounts.members["check"] },
    { bucket = "ledger", role = "roles/storage.objectUser", member = module.service_accounts.members["publish"] },
    { bucket = "ledger", role = "roles/storage.objectUser", member = module.service_accounts.members["finalize"] },
    { bucket = "flink", role = "roles/storage.objectUser", member = module.service_accounts.members["flink"] },
  ]
}

# The configuration the functions and jobs load at start-up: gs://<ledger>/config/.
resource "google_storage_bucket_object" "config" {
  for_each = local.config_files
  bucket   = module.storage.bucket_names["ledger"]
  name     = "config/${each.value}"
  source   = "${local.config_dir}/${each.value}"
}

module "bigquery" {
  source       = "./modules/bigquery"
  project_id   = var.project_id
  region       = var.region
  tenant_ids   = keys(local.tenants)
  kms_key_name = var.kms_key_name
  depends_on   = [module.project_services]

  ops_grants = [
    { role = "roles/bigquery.dataEditor", member = module.service_accounts.members["publish"] },
    { role = "roles/bigquery.dataEditor", member = module.service_accounts.members["finalize"] },
    { role = "roles/bigquery.dataViewer", member = module.service_accounts.members["run-status"] },
  ]
  tenant_grants = [
    { role = "roles/bigquery.dataEditor", member = module.service_accounts.members["publish"] },
    { role = "roles/bigquery.dataViewer", member = module.service_accounts.members["finalize"] },
  ]
}

module "pubsub" {
  source         = "./modules/pubsub"
  project_id     = var.project_id
  project_number = data.google_project.this.number
  depends_on     = [module.project_services]

  publishers = [
    { topic = "run-requests-rejected", member = module.service_accounts.members["accept-run"] },
    { topic = "run-events", member = module.service_accounts.members["finalize"] },
    { topic = "cost-anomalies", member = module.service_accounts.members["finalize"] },
  ]
}

module "secrets" {
  source     = "./modules/secrets"
  project_id = var.project_id
  secret_ids = var.provider_secrets
  accessors  = [module.service_accounts.members["ingest"]]
  depends_on = [module.project_services]
}

locals {
  # What every function and job reads at start-up (settings classes map these once).
  # CONVERGENCE_STAGING_BUCKET is the data bucket: pipeline-run.yaml hands the Flink job
  # gs://<it>/staging/<tenant>/<run>/, the prefix the stages write under CONVERGENCE_STORE.
  runtime_environment = {
    CONVERGENCE_PROJECT_ID       = var.project_id
    CONVERGENCE_REGION           = var.region
    CONVERGENCE_ENVIRONMENT      = var.environment
    CONVERGENCE_CONFIG_URI       = "gs://${module.storage.bucket_names["ledger"]}/config/"
    CONVERGENCE_LEDGER           = "gs://${module.storage.bucket_names["ledger"]}"
    CONVERGENCE_STAGING_BUCKET   = module.storage.bucket_names["data"]
    CONVERGENCE_OPS_DATASET      = module.bigquery.ops_dataset_id
    CONVERGENCE_REJECTED_TOPIC   = module.pubsub.topic_ids["run-requests-rejected"]
    CONVERGENCE_RUN_EVENTS_TOPIC = module.pubsub.topic_ids["run-events"]
    CONVERGENCE_ANOMALIES_TOPIC  = module.pubsub.topic_ids["cost-anomalies"]
    CONVERGENCE_WORKFLOW         = "projects/${var.project_id}/locations/${var.region}/workflows/pipeline-run"
    CONVERGENCE_LOG_FORMAT       = "json"
  }

  # What the stage jobs read besides (run-jobs/README.md, "Arguments"): the one store holding
  # landing/ and staging/, and the warehouse publish and finalize write (its location is
  # CONVERGENCE_REGION; finalize's Pub/Sub project is CONVERGENCE_PROJECT_ID). The run ledger is
  # CONVERGENCE_LEDGER above, where the functions keep it, not the store.
  stage_environment = {
    CONVERGENCE_STORE     = "gs://${module.storage.bucket_names["data"]}"
    CONVERGENCE_WAREHOUSE = "bigquery:${var.project_id}"
  }
}

module "functions" {
  source                = "./modules/functions"
  project_id            = var.project_id
  region                = var.region
  source_bucket         = module.storage.bucket_names["artifacts"]
  source_object         = var.function_source_object
  run_requests_topic_id = module.pubsub.topic_ids["run-requests"]
  environment_variables = local.runtime_environment
  accept_run_account    = module.service_accounts.emails["accept-run"]
  admit_run_account     = module.service_accounts.emails["admit-run"]
  run_status_account    = module.service_accounts.emails["run-status"]
  eventarc_account      = module.service_accounts.emails["eventarc"]
  admit_run_invokers    = [module.service_accounts.members["workflow"]]
  run_status_invokers   = var.run_status_invokers
  depends_on            = [module.project_services]
}

module "run_jobs" {
  source      = "./modules/run-jobs"
  project_id  = var.project_id
  region      = var.region
  network_id  = module.network.network_id
  subnet_id   = module.network.subnet_id
  environment = merge(local.runtime_environment, local.stage_environment)
  executors   = [module.service_accounts.members["workflow"]]
  depends_on  = [module.project_services]

  jobs = {
    convergence-ingest   = { image = "${local.image_prefix}/convergence-ingest:${var.image_tag}", service_account = module.service_accounts.emails["ingest"], cpu = "2", memory = "4Gi", timeout = "3600s" }
    convergence-check    = { image = "${local.image_prefix}/convergence-check:${var.image_tag}", service_account = module.service_accounts.emails["check"], cpu = "2", memory = "4Gi", timeout = "1800s" }
    convergence-publish  = { image = "${local.image_prefix}/convergence-publish:${var.image_tag}", service_account = module.service_accounts.emails["publish"], cpu = "1", memory = "2Gi", timeout = "1800s" }
    convergence-finalize = { image = "${local.image_prefix}/convergence-finalize:${var.image_tag}", service_account = module.service_accounts.emails["finalize"], cpu = "1", memory = "1Gi", timeout = "600s" }
  }
}

module "workflow" {
  source          = "./modules/workflow"
  project_id      = var.project_id
  region          = var.region
  name            = "pipeline-run"
  source_path     = "${path.root}/${var.workflow_source_path}"
  service_account = module.service_accounts.emails["workflow"]
  depends_on      = [module.project_services]

  environment = merge(local.runtime_environment, {
    CONVERGENCE_ADMIT_RUN_URL   = module.functions.admit_run_uri
    CONVERGENCE_INGEST_JOB      = module.run_jobs.job_names["convergence-ingest"]
    CONVERGENCE_CHECK_JOB       = module.run_jobs.job_names["convergence-check"]
    CONVERGENCE_PUBLISH_JOB     = module.run_jobs.job_names["convergence-publish"]
    CONVERGENCE_FINALIZE_JOB    = module.run_jobs.job_names["convergence-finalize"]
    CONVERGENCE_GKE_CLUSTER     = module.gke.cluster_id
    CONVERGENCE_FLINK_NAMESPACE = "convergence-flink"
    CONVERGENCE_FLINK_REST_URL  = "http://flink-jobmanager.convergence-flink.svc:8081"
    # The process step's submitter Job: fetches the job jar (uploaded by the deploy step, see the
    # README) with the gcloud image, then runs `flink run` in Convergence's Flink image.
    CONVERGENCE_FLINK_JOB_JAR = local.flink_job_jar
    CONVERGENCE_FLINK_IMAGE   = local.flink_image
    CONVERGENCE_GCLOUD_IMAGE  = var.gcloud_image
  })
}

module "scheduler" {
  source     = "./modules/scheduler"
  project_id = var.project_id
  region     = var.region
  topic_id   = module.pubsub.topic_ids["run-requests"]
  schedules  = local.schedules
  depends_on = [module.project_services]
}

module "monitoring" {
  source                    = "./modules/monitoring"
  project_id                = var.project_id
  notification_emails       = var.alert_emails
  workflow_name             = module.workflow.name
  dead_letter_subscriptions = module.pubsub.dead_letter_subscription_names
  depends_on                = [module.project_services]
}
