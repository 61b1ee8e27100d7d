locals {
  config_dir = "${path.root}/${var.config_dir}"

  # One entry per tenant file, keyed by tenant id.
  tenants = {
    for file in fileset(local.config_dir, "tenants/*.yaml") :
    yamldecode(file("${local.config_dir}/${file}")).id => yamldecode(file("${local.config_dir}/${file}"))
  }

  # Configuration files uploaded for the functions and jobs to read.
  config_files = fileset(local.config_dir, "{tenants,pipelines}/*.yaml")

  # The scheduled run requests of active tenants, one per schedule entry.
  schedules = merge([
    for id, tenant in local.tenants : {
      for index, schedule in try(tenant.schedules, []) :
      "${id}-${schedule.pipeline}-${index}" => {
        tenant_id             = id
        pipeline              = schedule.pipeline
        cron                  = schedule.cron
        time_zone             = try(schedule.time_zone, "UTC")
        billing_period_choice = try(schedule.billing_period, "current")
      }
    } if try(tenant.status, "active") == "active"
  ]...)

  gke_location = coalesce(var.gke.location, var.region)
  image_prefix = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.convergence.repository_id}"

  # Convergence's Flink image (gke-taskmanager, mvn -Pimages) and the job jar `flink run` submits,
  # which the deploy step uploads to the Flink bucket (Terraform does not build it).
  flink_image   = "${local.image_prefix}/flink:${var.flink_image_tag}"
  flink_job_jar = "gs://${module.storage.bucket_names["flink"]}/${var.flink_job_jar_object}"
}
