package dev.convergence.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convergence.core.launch.LaunchException;
import dev.convergence.core.testing.Fixtures;
import dev.convergence.core.testing.InMemoryObjectStore;
import dev.convergence.core.testing.MutableClock;
import dev.convergence.core.testing.RecordingLauncher;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunLaunchesTest {

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
  private final RecordingLauncher launcher = new RecordingLauncher();
  private RunLaunches launches;
  private RunRecord run;

  @BeforeEach
  void admitARun() {
    LedgerSettings settings = LedgerSettings.DEFAULT;
    RunLedger ledger = new ObjectStoreRunLedger(store, Fixtures.validator(), clock, settings);
    launches = new RunLaunches(store, clock, settings);
    run = ((Admission.Admitted) ledger.admit(Fixtures.request("pro_co", "r1"))).run();
  }

  @Test
  void aRunIsStartedOnceHoweverOftenItIsLaunched() {
    RunLaunches.Launch first = launches.launchOnce(run, launcher);
    RunLaunches.Launch again = launches.launchOnce(run, launcher);

    assertThat(first)
        .isEqualTo(new RunLaunches.Launch(run.runId(), "executions/" + run.runId() + "-1", true));
    assertThat(again).isEqualTo(new RunLaunches.Launch(run.runId(), first.execution(), false));
    assertThat(launcher.started()).containsExactly(run);
    assertThat(launches.execution("pro_co", run.runId())).contains(first.execution());
  }

  @Test
  void aFailedStartGivesItsClaimBackSoTheRetryStartsAtOnce() {
    launcher.failNext(1);

    assertThatThrownBy(() -> launches.launchOnce(run, launcher))
        .isInstanceOf(LaunchException.class)
        .hasMessage("injected failure starting run " + run.runId());
    assertThat(launches.execution("pro_co", run.runId())).isEmpty();

    assertThat(launches.launchOnce(run, launcher).startedNow()).isTrue();
    assertThat(launcher.started()).hasSize(1);
  }

  @Test
  void aClaimLeftByADeadDeliveryIsTakenOverAfterTheGrace() {
    store.put(
        "ledger/launches/pro_co/" + run.runId() + ".json",
        LedgerJson.write(LaunchRecord.claimed(run.runId(), clock.instant())));

    assertThatThrownBy(() -> launches.launchOnce(run, launcher))
        .isInstanceOf(LedgerContentionException.class)
        .hasMessage("run " + run.runId() + " is being started by another delivery; retry later");
    assertThat(launcher.started()).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    RunLaunches.Launch launch = launches.launchOnce(run, launcher);

    assertThat(launch.startedNow()).isTrue();
    assertThat(launcher.started()).containsExactly(run);
  }

  @Test
  void aDirectlyStartedExecutionIsRecordedAndASecondOneIsToldWhichRuns() {
    String first = launches.recordExecution(run, "executions/direct-1");
    String again = launches.recordExecution(run, "executions/direct-1");
    String second = launches.recordExecution(run, "executions/direct-2");

    assertThat(first).isEqualTo("executions/direct-1");
    assertThat(again).isEqualTo("executions/direct-1");
    assertThat(second).isEqualTo("executions/direct-1");
    assertThat(launches.launchOnce(run, launcher))
        .isEqualTo(new RunLaunches.Launch(run.runId(), "executions/direct-1", false));
    assertThat(launcher.started()).isEmpty();
  }

  @Test
  void theExecutionIntakeIsStartingMayRecordItselfFirst() {
    store.put(
        "ledger/launches/pro_co/" + run.runId() + ".json",
        LedgerJson.write(LaunchRecord.claimed(run.runId(), clock.instant())));

    assertThat(launches.recordExecution(run, "executions/from-intake"))
        .isEqualTo("executions/from-intake");
    assertThat(launches.execution("pro_co", run.runId())).contains("executions/from-intake");
  }
}
