package dev.convergence.focus.synth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A cost anomaly the generator plants: on {@code day} (UTC), every generated usage line item of one
 * service in one sub-account costs {@code factor} times what it would otherwise. Tests of anomaly
 * scoring know from this where anomalies must be found, and that they must be found nowhere else.
 *
 * @param subAccount which generated sub-account (AWS usage account, Google Cloud project, Azure
 *     subscription), by its index: 0 to {@code accounts - 1}
 * @param serviceCode the service as the provider's export names it: the AWS product code ({@code
 *     AmazonEC2}), the Google Cloud service id ({@code 6F81-5844-456A}), the Azure meter category
 *     ({@code Virtual Machines})
 */
public record PlantedSpike(LocalDate day, int subAccount, String serviceCode, BigDecimal factor) {

  public PlantedSpike {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(serviceCode, "serviceCode");
    Objects.requireNonNull(factor, "factor");
    if (subAccount < 0) {
      throw new IllegalArgumentException("subAccount: must be 0 or more; got " + subAccount);
    }
    if (factor.signum() < 0) {
      throw new IllegalArgumentException("factor: must not be negative; got " + factor);
    }
  }

  boolean hits(LocalDate rowDay, int rowSubAccount, String rowServiceCode) {
    return day.equals(rowDay) && subAccount == rowSubAccount && serviceCode.equals(rowServiceCode);
  }
}
