package dev.convergence.core.ledger;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where the ledger keeps what, under its key prefix:
 *
 * <pre>
 * runs/&lt;tenant&gt;/&lt;run id&gt;.json    one {@link RunRecord} a run
 * slots/&lt;tenant&gt;/&lt;n&gt;.json         the concurrency slots, 0 to the plan's limit - 1
 * days/&lt;tenant&gt;/&lt;yyyy-mm-dd&gt;.json  the runs admitted that UTC day, for the quotas
 * launches/&lt;tenant&gt;/&lt;run id&gt;.json the start of the run's workflow, claimed then recorded
 * </pre>
 */
final class LedgerKeys {

  private final String prefix;

  LedgerKeys(String prefix) {
    this.prefix = prefix;
  }

  String run(String tenantId, String runId) {
    return runs(tenantId) + runId + ".json";
  }

  String runs(String tenantId) {
    return prefix + "runs/" + tenantId + "/";
  }

  String launch(String tenantId, String runId) {
    return prefix + "launches/" + tenantId + "/" + runId + ".json";
  }

  String slot(String tenantId, int index) {
    return slots(tenantId) + index + ".json";
  }

  String slots(String tenantId) {
    return prefix + "slots/" + tenantId + "/";
  }

  String allSlots() {
    return prefix + "slots/";
  }

  String day(String tenantId, LocalDate day) {
    return prefix + "days/" + tenantId + "/" + day + ".json";
  }

  /** The prefix of every day object of {@code month}: {@code .../2026-11-}. */
  String daysOf(String tenantId, YearMonth month) {
    return prefix + "days/" + tenantId + "/" + month + "-";
  }

  /** The tenant id of a slot key, as written by {@link #slot}. */
  String tenantOfSlot(String slotKey) {
    String rest = slotKey.substring(allSlots().length());
    return rest.substring(0, rest.indexOf('/'));
  }
}
