# Example: a development environment. terraform apply -var-file=environments/dev.tfvars
project_id  = "convergence-dev"
region      = "europe-west1"
environment = "dev"

# The example tenants of the repository (acme_corp, quiet_co).
config_dir = "../core/src/test/resources/config"

gke = {
  location            = "europe-west1-b"
  machine_type        = "e2-standard-4"
  min_nodes_per_zone  = 3
  max_nodes_per_zone  = 4
  deletion_protection = false
}

staging_retention_days = 3
provider_secrets       = []
run_status_invokers    = ["group:convergence-dev@example.com"]
alert_emails           = ["convergence-dev@example.com"]
