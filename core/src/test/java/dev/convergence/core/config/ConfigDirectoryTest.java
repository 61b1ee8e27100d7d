package dev.convergence.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.convergence.core.pipeline.AnomalySettings;
import dev.convergence.core.pipeline.DataQualitySettings;
import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.pipeline.SourceFormat;
import dev.convergence.core.provider.Provider;
import dev.convergence.core.tenant.AllocationRule;
import dev.convergence.core.tenant.CostAllocation;
import dev.convergence.core.tenant.Plan;
import dev.convergence.core.tenant.ProviderAccount;
import dev.convergence.core.tenant.Schedule;
import dev.convergence.core.tenant.Tenant;
import dev.convergence.core.tenant.TenantStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDirectoryTest {

  @TempDir Path root;

  private static Path example() throws URISyntaxException {
    return Path.of(ConfigDirectoryTest.class.getResource("/config").toURI());
  }

  @Test
  void loadsEveryTenantAndPipelineOfTheDirectory() throws Exception {
    ConfigDirectory config = ConfigDirectory.load(example());

    assertThat(config.tenants().all())
        .extracting(Tenant::id)
        .containsExactly("acme_corp", "quiet_co");
    assertThat(config.tenants().find("acme_corp"))
        .contains(
            new Tenant(
                "acme_corp",
                "Acme Corporation",
                TenantStatus.ACTIVE,
                Plan.PROFESSIONAL,
                List.of(
                    new ProviderAccount(
                        Provider.AWS,
                        List.of("123456789012", "210987654321"),
                        "landing/acme_corp/aws/"),
                    new ProviderAccount(
                        Provider.GCP, List.of("01A2B3-C4D5E6-F7A8B9"), "landing/acme_corp/gcp/")),
                new CostAllocation(
                    List.of(
                        new AllocationRule("platform", "team", List.of("platform", "infra")),
                        new AllocationRule("data", "team", List.of("analytics"))),
                    List.of("Tax"),
                    List.of("AWS Support (Business)")),
                List.of(
                    new Schedule(
                        "aws-cur", "0 6 * * *", "Europe/Paris", Schedule.PeriodChoice.CURRENT),
                    new Schedule("aws-cur", "0 9 4 * *", "UTC", Schedule.PeriodChoice.PREVIOUS))));
    assertThat(config.tenants().find("quiet_co").orElseThrow().status())
        .isEqualTo(TenantStatus.SUSPENDED);
    assertThat(config.pipelines().find("aws-cur"))
        .contains(
            new PipelineConfig(
                "aws-cur",
                "AWS Cost and Usage Report, legacy CSV layout",
                Provider.AWS,
                SourceFormat.AWS_CUR_LEGACY_CSV,
                new DataQualitySettings(new BigDecimal("0.00"), new BigDecimal("0.001")),
                new AnomalySettings(14, new BigDecimal("3.5"), new BigDecimal("5.00"))));
    assertThat(config.pipelines().find("gcp-billing").orElseThrow().anomaly())
        .isEqualTo(AnomalySettings.DEFAULT);
  }

  private static final String GOOD_TENANT =
      """
      id: %s
      display_name: Good Co
      status: active
      plan: starter
      providers:
        - provider: aws
          billing_accounts: ["123456789012"]
          landing_prefix: landing/%s/aws/
      """;

  private void write(String relative, String yaml) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
  }

  private void writeGoodPipeline() throws IOException {
    write(
        "pipelines/aws-cur.yaml",
        "name: aws-cur\nprovider: aws\nsource_format: aws-cur-legacy-csv\n");
  }

  private List<String> problems() {
    ConfigException failure =
        catchThrowableOfType(ConfigException.class, () -> ConfigDirectory.load(root));
    assertThat(failure).as("the load should fail").isNotNull();
    return failure.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void anUnknownKeyIsNamedWithItsFileLineAndTheKeysThatWouldDo() throws Exception {
    writeGoodPipeline();
    write(
        "tenants/typo_co.yaml",
        """
        id: typo_co
        display_name: Typo Co
        status: active
        plan: starter
        providers:
          - provider: aws
            billing_acount: ["123456789012"]
            landing_prefix: landing/typo_co/aws/
        """);

    assertThat(problems())
        .containsExactly(
            "tenants/typo_co.yaml:7:5: unknown key 'billing_acount' in providers[0]; known keys:"
                + " billing_accounts, landing_prefix, provider");
  }

  @Test
  void aValueTheModelRefusesIsNamedWithItsKey() throws Exception {
    writeGoodPipeline();
    write(
        "tenants/gold_co.yaml",
        GOOD_TENANT.formatted("gold_co", "gold_co").replace("starter", "gold"));
    write(
        "tenants/late_co.yaml",
        GOOD_TENANT.formatted("late_co", "late_co")
            + "schedules:\n  - pipeline: aws-cur\n    cron: \"0 25 * * *\"\n    time_zone: UTC\n");
    write(
        "tenants/mars_co.yaml",
        GOOD_TENANT.formatted("mars_co", "mars_co")
            + "schedules:\n  - pipeline: aws-cur\n    cron: \"0 6 * * *\"\n    time_zone: Mars/Olympus\n");

    assertThat(problems())
        .containsExactly(
            "tenants/gold_co.yaml:4:7: plan: unknown plan 'gold'; expected one of starter,"
                + " professional, scale, enterprise",
            "tenants/late_co.yaml:11:5: schedules[0].cron: '0 25 * * *' is not a five-field unix"
                + " cron expression (minute hour day-of-month month day-of-week): Failed to parse"
                + " cron expression. Value 25 not in range [0, 23]",
            "tenants/mars_co.yaml:12:5: schedules[0].time_zone: 'Mars/Olympus' is not an IANA"
                + " time zone such as Europe/Paris or UTC");
  }

  @Test
  void aWrongTypeOrARepeatedKeyIsNamed() throws Exception {
    writeGoodPipeline();
    write(
        "tenants/num_co.yaml", GOOD_TENANT.formatted("num_co", "num_co").replace("Good Co", "42"));
    write("tenants/twice_co.yaml", GOOD_TENANT.formatted("twice_co", "twice_co") + "plan: scale\n");

    assertThat(problems())
        .containsExactly(
            "tenants/num_co.yaml:2:15: display_name: expected text (Cannot coerce Integer value"
                + " (42) to `java.lang.String` value (but could if coercion was enabled using"
                + " `CoercionConfig`))",
            "tenants/twice_co.yaml:9:5: repeated key 'plan'");
  }

  @Test
  void aTenantFileMustBeNamedAfterItsIdAndItsIdMustBeADatasetName() throws Exception {
    writeGoodPipeline();
    write("tenants/acme.yaml", GOOD_TENANT.formatted("acme_corp", "acme_corp"));
    write("tenants/Bad-Id.yaml", GOOD_TENANT.formatted("Bad-Id", "bad"));

    assertThat(problems())
        .containsExactly(
            "tenants/Bad-Id.yaml:1:1: id: must be 3 to 50 lowercase letters, digits or '_'; got"
                + " 'Bad-Id'",
            "tenants/acme.yaml: id is 'acme_corp' but the file is named acme.yaml; name the file"
                + " acme_corp.yaml");
  }

  @Test
  void aScheduleForAPipelineTheTenantCannotRunFailsTheLoad() throws Exception {
    writeGoodPipeline();
    write(
        "pipelines/gcp-billing.yaml",
        "name: gcp-billing\nprovider: gcp\nsource_format: gcp-billing-export-jsonl\n");
    write(
        "tenants/sched_co.yaml",
        GOOD_TENANT.formatted("sched_co", "sched_co")
            + "schedules:\n"
            + "  - {pipeline: azure-ea, cron: \"0 6 * * *\", time_zone: UTC}\n"
            + "  - {pipeline: gcp-billing, cron: \"0 6 * * *\", time_zone: UTC}\n");

    assertThat(problems())
        .containsExactly(
            "tenants/sched_co.yaml: schedules: pipeline 'azure-ea' is not configured; known"
                + " pipelines: aws-cur, gcp-billing",
            "tenants/sched_co.yaml: schedules: pipeline 'gcp-billing' reads gcp data, but the"
                + " tenant has no gcp provider");
  }

  @Test
  void aPipelineWhoseFormatBelongsToAnotherProviderIsRefused() throws Exception {
    write("pipelines/mixed.yaml", "name: mixed\nprovider: aws\nsource_format: azure-ea-csv\n");
    Files.createDirectories(root.resolve("tenants"));

    assertThat(problems())
        .containsExactly(
            "pipelines/mixed.yaml:3:1: source_format: azure-ea-csv reads azure data, but provider"
                + " is aws");
  }

  @Test
  void aMissingDirectoryOrAnEmptyFileIsNamed() throws Exception {
    assertThat(problems())
        .containsExactly("pipelines: is not a directory (" + root.resolve("pipelines") + ")");

    writeGoodPipeline();
    write("tenants/empty_co.yaml", "");
    assertThat(problems()).containsExactly("tenants/empty_co.yaml: the file is empty");
  }
}
