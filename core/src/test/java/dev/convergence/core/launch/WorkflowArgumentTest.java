package dev.convergence.core.launch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.core.ledger.Admission;
import dev.convergence.core.ledger.LedgerSettings;
import dev.convergence.core.ledger.ObjectStoreRunLedger;
import dev.convergence.core.ledger.RunRecord;
import dev.convergence.core.request.RunOptions;
import dev.convergence.core.request.RunRequest;
import dev.convergence.core.request.RunRequestParser;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.InMemoryObjectStore;
import dev.convergence.core.testing.MutableClock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowArgumentTest {

  @Test
  void theArgumentsRequestParsesBackToTheRequestThatWasAdmitted() throws Exception {
    MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    RunRequest admitted =
        new RunRequest(
            "pro_co",
            "aws-cur",
            dev.convergence.core.request.BillingPeriod.of(2026, 11),
            dev.convergence.core.request.Trigger.STORAGE_NOTIFICATION,
            Optional.of("landing/pro_co/aws/2026-11/"),
            Optional.of("obj-finalize-88"),
            new RunOptions(true));
    RunRecord run =
        ((Admission.Admitted)
                new ObjectStoreRunLedger(
                        new InMemoryObjectStore(),
                        Fixtures.validator(),
                        clock,
                        LedgerSettings.DEFAULT)
                    .admit(admitted))
            .run();

    JsonNode argument = new ObjectMapper().readTree(WorkflowArgument.of(run).toJson());
    RunRequest parsed =
        new RunRequestParser(clock).parse(argument.get("request").toString().getBytes(UTF_8));

    assertThat(argument.get("run_id").asText()).isEqualTo(run.runId());
    assertThat(parsed).isEqualTo(admitted);
  }
}
