package dev.convergence.focus.synth;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes Azure EA actual-cost exports: one directory per export run, each a month-to-date snapshot,
 * with on-demand, spot and reservation-covered usage, reservation purchases, refunds, marketplace
 * charges, and tags in the brace-less form EA exports use.
 */
final class AzureExportGenerator {

  static final String[] HEADER = {
    "BillingAccountId",
    "BillingAccountName",
    "BillingPeriodStartDate",
    "BillingPeriodEndDate",
    "SubscriptionId",
    "SubscriptionName",
    "Date",
    "ProductName",
    "MeterCategory",
    "MeterName",
    "ConsumedService",
    "ResourceLocation",
    "ResourceId",
    "ResourceName",
    "UnitOfMeasure",
    "Quantity",
    "EffectivePrice",
    "CostInBillingCurrency",
    "UnitPrice",
    "PayGPrice",
    "BillingCurrencyCode",
    "ChargeType",
    "Frequency",
    "PricingModel",
    "PublisherType",
    "PublisherName",
    "Tags",
    "benefitId",
    "benefitName",
    "AvailabilityZone",
    "PartNumber"
  };

  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

  private AzureExportGenerator() {}

  static List<Path> generate(GeneratorSettings s) throws IOException {
    List<Path> files = new ArrayList<>();
    LocalDate first = s.period().month().atDay(1);
    int days = s.period().month().lengthOfMonth();
    for (int k = 1; k <= s.deliveries(); k++) {
      boolean last = k == s.deliveries();
      long cutoffDay = ((long) days * k + s.deliveries() - 1) / s.deliveries();
      Path dir = s.directory().resolve("export-run-" + k);
      Files.createDirectories(dir);
      Path file = dir.resolve("part_1_0001.csv");
      try (CsvWriter out =
          CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).bufferSize(1 << 16).build(file)) {
        out.writeRecord(HEADER);
        String[] record = new String[HEADER.length];
        for (long i = 0; i < s.rows(); i++) {
          long day = i * days / s.rows();
          if (day >= cutoffDay) {
            break;
          }
          long slot = i - RowDice.firstIndex(day, s.rows(), days);
          fill(record, s, i, slot, first, first.plusDays(day), last);
          out.writeRecord(record);
        }
      }
      files.add(file);
    }
    return files;
  }

  private static void fill(
      String[] r,
      GeneratorSettings s,
      long i,
      long slot,
      LocalDate first,
      LocalDate day,
      boolean last) {
    Arrays.fill(r, "");
    RowDice row = new RowDice(s.seed(), i);
    RowDice dice = RowDice.resource(s.seed(), slot);
    String[] service = dice.pick(Vocabulary.AZURE_SERVICES);
    int account = dice.below(s.accounts());
    BigDecimal quantity = RowDice.wobbled(dice.quantity(24), row);
    BigDecimal price = dice.money("0.4");
    BigDecimal cost = price.multiply(quantity);
    if (!last && row.chance(0.02)) {
      cost = cost.multiply(new BigDecimal("0.9"));
    }
    BigDecimal spike = s.spikeFactor(day, account, service[0]);
    if (spike.compareTo(BigDecimal.ONE) != 0) {
      cost = cost.multiply(spike);
    }
    String subscription = String.format("00000000-0000-4000-8000-%012d", account * 31L + 7);
    r[0] = String.valueOf(80_000_000 + account / 4);
    r[1] = "Example Enrollment " + account / 4;
    r[2] = first.format(US);
    r[3] = first.plusMonths(1).minusDays(1).format(US);
    r[4] = subscription;
    r[5] = "sub-" + account;
    r[6] = day.format(US);
    r[7] = service[0] + " - " + service[2];
    r[8] = service[0];
    r[9] = service[2];
    r[10] = service[1];
    r[11] = dice.pick(Vocabulary.AZURE_REGIONS);
    r[12] =
        "/subscriptions/"
            + subscription
            + "/resourceGroups/rg-"
            + dice.below(9)
            + "/providers/"
            + service[1]
            + "/things/"
            + dice.hex(6);
    r[13] = "thing-" + dice.hex(4);
    r[14] = service[2];
    r[15] = quantity.toPlainString();
    r[16] = price.toPlainString();
    r[17] = cost.toPlainString();
    r[18] = price.toPlainString();
    r[19] = price.multiply(new BigDecimal("1.2")).toPlainString();
    r[20] = "EUR";
    r[21] = "Usage";
    r[22] = "UsageBased";
    r[23] = "OnDemand";
    r[24] = "Azure";
    String team = dice.pick(Vocabulary.TEAMS).replace("\"", "\\\"");
    String tags =
        "\"team\": \"" + team + "\",\"env\": \"" + dice.pick(Vocabulary.ENVIRONMENTS) + "\"";
    r[26] = dice.chance(0.5) ? tags : "{" + tags + "}";
    r[30] = "AAA-" + row.below(1000);
    int roll = dice.below(100);
    String reservation =
        "/providers/Microsoft.Capacity/reservationOrders/" + (i % 3) + "/reservations/r" + (i % 5);
    if (roll < 10) {
      r[23] = "Spot";
    } else if (roll < 20) {
      r[23] = "Reservation";
      r[27] = reservation;
      r[28] = "vm-reservation-" + (i % 5);
      r[17] = "0";
    } else if (roll < 22) {
      r[21] = "Purchase";
      r[22] = "OneTime";
      r[23] = "Reservation";
      r[27] = reservation;
      r[28] = "vm-reservation-" + (i % 5);
      r[7] = "Reserved VM Instance, 1 Year";
    } else if (roll < 23) {
      r[21] = "Refund";
      r[22] = "OneTime";
      r[17] = cost.negate().toPlainString();
    } else if (roll < 24) {
      r[24] = "Marketplace";
      r[25] = "Acme Software Ltd";
    }
  }
}
