terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.40"
    }
  }

  # State lives in a Cloud Storage bucket created once by hand (see README.md):
  #   terraform init -backend-config="bucket=<project>-tfstate"
  backend "gcs" {
    prefix = "convergence"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region

  default_labels = {
    app         = "convergence"
    environment = var.environment
  }
}
