# Example: production. terraform apply -var-file=environments/prod.tfvars
project_id  = "convergence-prod"
region      = "europe-west1"
environment = "prod"

# The production tenants, kept outside this repository's examples.
config_dir = "../config"

gke = {
  machine_type        = "n2-standard-16"
  min_nodes_per_zone  = 1
  max_nodes_per_zone  = 6
  deletion_protection = true
}

# Customer-managed key for buckets and datasets.
kms_key_name = "projects/convergence-prod/locations/europe-west1/keyRings/convergence/cryptoKeys/data"

network = {
  subnet_cidr            = "10.110.0.0/20"
  pods_cidr              = "10.120.0.0/16"
  services_cidr          = "10.130.0.0/20"
  master_cidr            = "172.16.1.0/28"
  master_authorized_cidr = ["10.110.0.0/20"]
}

staging_retention_days = 14
provider_secrets       = ["openai-admin-key", "azure-billing-client-secret"]
run_status_invokers    = ["group:finops-operators@example.com"]
alert_emails           = ["finops-oncall@example.com"]
