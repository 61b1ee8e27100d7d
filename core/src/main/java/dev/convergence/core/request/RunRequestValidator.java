package dev.convergence.core.request;

import dev.convergence.core.pipeline.PipelineCatalog;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.tenant.ProviderAccount;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.tenant.TenantRegistry;
import jakarta.inject.Inject;

/**
 * Checks a well-formed run request against the configuration: the tenant exists and is active, the
 * pipeline exists, the tenant is enabled for its provider, and a source lies under the tenant's
 * landing prefix for that provider.
 */
public final class RunRequestValidator {

  private final TenantRegistry tenants;
  private final PipelineCatalog pipelines;

  @Inject
  public RunRequestValidator(TenantRegistry tenants, PipelineCatalog pipelines) {
    this.tenants = tenants;
    this.pipelines = pipelines;
  }

  public ValidatedRequest validate(RunRequest request) throws RejectedRequestException {
    Tenant tenant =
        tenants
            .find(request.tenantId())
            .orElseThrow(
                () ->
                    rejected(
                        ReasonCode.UNKNOWN_TENANT,
                        "tenant_id",
                        "no tenant '" + request.tenantId() + "' is configured"));
    if (!tenant.isActive()) {
      throw rejected(
          ReasonCode.TENANT_SUSPENDED,
          "tenant_id",
          "tenant '" + tenant.id() + "' is suspended; its runs are not accepted");
    }
    PipelineConfig pipeline =
        pipelines
            .find(request.pipeline())
            .orElseThrow(
                () ->
                    rejected(
                        ReasonCode.UNKNOWN_PIPELINE,
                        "pipeline",
                        "no pipeline '" + request.pipeline() + "' is configured"));
    ProviderAccount account =
        tenant
            .provider(pipeline.provider())
            .orElseThrow(
                () ->
                    rejected(
                        ReasonCode.PROVIDER_NOT_ENABLED,
                        "pipeline",
                        "pipeline '"
                            + pipeline.name()
                            + "' reads "
                            + pipeline.provider()
                            + " data, and tenant '"
                            + tenant.id()
                            + "' is not enabled for "
                            + pipeline.provider()));
    if (request.source().isPresent() && !account.containsPrefix(request.source().get())) {
      throw rejected(
          ReasonCode.SOURCE_OUTSIDE_LANDING_PREFIX,
          "source",
          "'"
              + request.source().get()
              + "' is outside the tenant's "
              + pipeline.provider()
              + " landing prefix '"
              + account.landingPrefix()
              + "'");
    }
    return new ValidatedRequest(request, tenant, pipeline);
  }

  private static RejectedRequestException rejected(ReasonCode code, String field, String detail) {
    return new RejectedRequestException(Rejection.of(code, field, detail));
  }
}
