package dev.convergence.core.tenant;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convergence.core.config.InvalidValueException;
import dev.convergence.core.config.Require;
import dev.convergence.core.config.WireName;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A recurring run, as Cloud Scheduler will fire it: a unix cron expression in a time zone, for one
 * pipeline and the billing period relative to the firing time.
 */
public record Schedule(String pipeline, String cron, String timeZone, PeriodChoice billingPeriod) {

  private static final CronParser UNIX_CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** Which billing period a scheduled run covers. */
  public enum PeriodChoice implements WireName {
    /** The month the run fires in: month-to-date data. */
    CURRENT,
    /** The month before: for the final bill, after the provider closes the month. */
    PREVIOUS;

    @JsonValue
    @Override
    public String wireName() {
      return this == CURRENT ? "current" : "previous";
    }

    @JsonCreator
    public static PeriodChoice fromWireName(String name) {
      return WireName.parse(PeriodChoice.class, name, "billing_period");
    }
  }

  public Schedule {
    Require.present(pipeline, "pipeline");
    Require.present(cron, "cron");
    Require.present(timeZone, "time_zone");
    billingPeriod = billingPeriod == null ? PeriodChoice.CURRENT : billingPeriod;
    try {
      UNIX_CRON.parse(cron).validate();
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(
          "cron",
          "'"
              + cron
              + "' is not a five-field unix cron expression (minute hour day-of-month month"
              + " day-of-week): "
              + e.getMessage(),
          e);
    }
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new InvalidValueException(
          "time_zone",
          "'" + timeZone + "' is not an IANA time zone such as Europe/Paris or UTC",
          e);
    }
  }

  public Cron parsedCron() {
    return UNIX_CRON.parse(cron);
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
