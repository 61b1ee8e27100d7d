package dev.convergence.core.testing;

import dev.convergence.core.pipeline.AnomalySettings;
import dev.convergence.core.pipeline.DataQualitySettings;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.pipeline.StaticPipelineCatalog;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.request.BillingPeriod;
import dev.convergence.core.request.RunOptions;
import dev.convergence.core.request.RunRequest;
import dev.convergence.core.request.RunRequestValidator;
import dev.convergence.core.request.Trigger;
import dev.convergence.core.tenant.CostAllocation;
import dev.convergence.core.tenant.Plan;
import dev.convergence.core.tenant.ProviderAccount;
import dev.convergence.core.tenant.StaticTenantRegistry;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.tenant.TenantStatus;
import java.util.List;
import java.util.Optional;

/** Tenants, pipelines and requests that tests share. */
public final class Fixtures {

  private Fixtures() {}

  public static final PipelineConfig AWS_CUR =
      new PipelineConfig(
          "aws-cur",
          "AWS Cost and Usage Report, legacy CSV",
          Provider.AWS,
          SourceFormat.AWS_CUR_LEGACY_CSV,
          DataQualitySettings.DEFAULT,
          AnomalySettings.DEFAULT);

  public static final PipelineConfig GCP_BILLING =
      new PipelineConfig(
          "gcp-billing",
          "Google Cloud billing export",
          Provider.GCP,
          SourceFormat.GCP_BILLING_EXPORT_JSONL,
          DataQualitySettings.DEFAULT,
          AnomalySettings.DEFAULT);

  public static Tenant tenant(String id, Plan plan) {
    return new Tenant(
        id,
        "Tenant " + id,
        TenantStatus.ACTIVE,
        plan,
        List.of(
            new ProviderAccount(Provider.AWS, List.of("123456789012"), "landing/" + id + "/aws/")),
        CostAllocation.NONE,
        List.of());
  }

  public static Tenant suspended(String id) {
    Tenant active = tenant(id, Plan.STARTER);
    return new Tenant(
        active.id(),
        active.displayName(),
        TenantStatus.SUSPENDED,
        active.plan(),
        active.providers(),
        active.allocation(),
        active.schedules());
  }

  /** The tenants every ledger test knows: one per plan, and a suspended one. */
  public static RunRequestValidator validator() {
    return new RunRequestValidator(
        StaticTenantRegistry.of(
            List.of(
                tenant("starter_co", Plan.STARTER),
                tenant("pro_co", Plan.PROFESSIONAL),
                tenant("scale_co", Plan.SCALE),
                tenant("enterprise_co", Plan.ENTERPRISE),
                suspended("dormant_co"))),
        StaticPipelineCatalog.of(List.of(AWS_CUR, GCP_BILLING)));
  }

  public static RunRequest request(String tenantId, String requestId) {
    return new RunRequest(
        tenantId,
        "aws-cur",
        BillingPeriod.of(2026, 11),
        Trigger.MANUAL,
        Optional.empty(),
        Optional.of(requestId),
        RunOptions.DEFAULT);
  }
}
