package dev.convergence.focus.synth;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes AWS CUR files in the legacy CSV layout: one directory per month-to-date snapshot (as AWS
 * delivers them, each a complete restatement of the period so far), with usage, reserved-instance
 * and savings-plan usage and fees, credits, refunds, discounts, taxes and marketplace charges.
 */
final class AwsCurGenerator {

  static final String[] HEADER = {
    "identity/LineItemId",
    "bill/InvoiceId",
    "bill/InvoicingEntity",
    "bill/BillingEntity",
    "bill/BillType",
    "bill/PayerAccountId",
    "bill/BillingPeriodStartDate",
    "bill/BillingPeriodEndDate",
    "lineItem/UsageAccountId",
    "lineItem/LineItemType",
    "lineItem/UsageStartDate",
    "lineItem/UsageEndDate",
    "lineItem/ProductCode",
    "lineItem/AvailabilityZone",
    "lineItem/ResourceId",
    "lineItem/UsageAmount",
    "lineItem/CurrencyCode",
    "lineItem/UnblendedRate",
    "lineItem/UnblendedCost",
    "lineItem/LineItemDescription",
    "lineItem/LegalEntity",
    "product/ProductName",
    "product/region",
    "product/sku",
    "pricing/publicOnDemandCost",
    "pricing/publicOnDemandRate",
    "pricing/term",
    "pricing/unit",
    "reservation/ReservationARN",
    "reservation/EffectiveCost",
    "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod",
    "reservation/UnusedRecurringFee",
    "savingsPlan/SavingsPlanARN",
    "savingsPlan/SavingsPlanEffectiveCost",
    "savingsPlan/TotalCommitmentToDate",
    "savingsPlan/UsedCommitment",
    "resourceTags/user:team",
    "resourceTags/user:env"
  };

  private static final String ENTITY = "Amazon Web Services, Inc.";

  private AwsCurGenerator() {}

  static List<Path> generate(GeneratorSettings s) throws IOException {
    List<Path> files = new ArrayList<>();
    Instant start = s.period().start();
    Instant end = s.period().end();
    long days = ChronoUnit.DAYS.between(start, end);
    for (int k = 1; k <= s.deliveries(); k++) {
      boolean last = k == s.deliveries();
      long cutoffDay = (days * k + s.deliveries() - 1) / s.deliveries();
      Path dir = s.directory().resolve("snapshot-" + k);
      Files.createDirectories(dir);
      Path file = dir.resolve("cur-" + s.period() + "-00001.csv");
      try (CsvWriter out =
          CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(file)) {
        out.writeRecord(HEADER);
        String[] record = new String[HEADER.length];
        for (long i = 0; i < s.rows(); i++) {
          long day = i * days / s.rows();
          if (day >= cutoffDay) {
            break;
          }
          long slot = i - RowDice.firstIndex(day, s.rows(), days);
          fill(record, s, i, slot, start.plus(day, ChronoUnit.DAYS), start, end, last);
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
      Instant day,
      Instant start,
      Instant end,
      boolean last) {
    java.util.Arrays.fill(r, "");
    RowDice row = new RowDice(s.seed(), i);
    RowDice dice = RowDice.resource(s.seed(), slot);
    String payer = account(1, dice.below(s.accounts()) / 4);
    String[] service = dice.pick(Vocabulary.AWS_SERVICES);
    String region = dice.pick(Vocabulary.AWS_REGIONS);
    Instant usageStart = day.plus(row.below(24), ChronoUnit.HOURS);
    BigDecimal quantity = RowDice.wobbled(dice.quantity(24), row);
    BigDecimal rate = dice.money("0.5");
    BigDecimal cost = rate.multiply(quantity);
    if (!last && row.chance(0.02)) {
      cost = cost.multiply(new BigDecimal("0.9")); // restated in a later snapshot
    }
    int roll = dice.below(100);
    r[0] = row.hex(24) + i;
    r[2] = ENTITY;
    r[3] = "AWS";
    r[4] = "Anniversary";
    r[5] = payer;
    r[6] = start.toString();
    r[7] = end.toString();
    int usageAccount = dice.below(s.accounts());
    r[8] = account(2, usageAccount);
    BigDecimal spike =
        s.spikeFactor(LocalDate.ofInstant(day, ZoneOffset.UTC), usageAccount, service[0]);
    if (roll < 70 && spike.compareTo(BigDecimal.ONE) != 0) { // plain usage only
      cost = cost.multiply(spike);
    }
    r[10] = usageStart.toString();
    r[11] = usageStart.plus(1, ChronoUnit.HOURS).toString();
    r[12] = service[0];
    r[13] = region + "a";
    r[14] =
        "arn:aws:" + service[0].toLowerCase() + ":" + region + ":" + r[8] + ":res/" + dice.hex(8);
    r[15] = quantity.toPlainString();
    r[16] = "USD";
    r[17] = rate.toPlainString();
    r[18] = cost.toPlainString();
    r[19] = service[1] + " usage";
    r[20] = ENTITY;
    r[21] = service[1];
    r[22] = region;
    r[23] = dice.hex(16).toUpperCase();
    r[24] = cost.toPlainString();
    r[25] = rate.toPlainString();
    r[26] = "OnDemand";
    r[27] = service[2];
    r[36] = dice.pick(Vocabulary.TEAMS);
    r[37] = dice.pick(Vocabulary.ENVIRONMENTS);
    String ri = "arn:aws:ec2:" + region + ":" + payer + ":reserved-instances/ri-" + (i % 7);
    String sp = "arn:aws:savingsplans::" + payer + ":savingsplan/sp-" + (i % 5);
    if (roll < 70) {
      r[9] = "Usage";
    } else if (roll < 76) {
      r[9] = "DiscountedUsage";
      r[18] = "0";
      r[26] = "Reserved";
      r[28] = ri;
      r[29] = cost.multiply(new BigDecimal("0.6")).toPlainString();
    } else if (roll < 82) {
      r[9] = "SavingsPlanCoveredUsage";
      r[32] = sp;
      r[33] = cost.multiply(new BigDecimal("0.7")).toPlainString();
    } else if (roll < 87) {
      r[9] = "SavingsPlanNegation";
      r[18] = cost.negate().toPlainString();
      r[24] = "";
      r[32] = sp;
    } else if (roll < 90) {
      monthLong(r, start, end, "Tax", "Tax for product code " + service[0]);
    } else if (roll < 92) {
      monthLong(r, start, end, "Credit", "AWS Promotional Credit");
      r[18] = cost.negate().toPlainString();
    } else if (roll < 93) {
      monthLong(r, start, end, "Refund", "Refund for a previous charge");
      r[4] = "Refund";
      r[18] = cost.negate().toPlainString();
    } else if (roll < 95) {
      r[9] = "EdpDiscount";
      r[18] = cost.multiply(new BigDecimal("-0.05")).toPlainString();
      r[24] = "";
      r[19] = "Enterprise Program Discount";
    } else if (roll < 97) {
      monthLong(r, start, end, "RIFee", "Reserved instance fee");
      r[27] = "Hrs";
      r[15] = "744";
      r[28] = ri;
      r[30] = cost.multiply(new BigDecimal("0.1")).toPlainString();
      r[31] = "0";
    } else if (roll < 99) {
      monthLong(r, start, end, "SavingsPlanRecurringFee", "Savings plan commitment");
      r[32] = sp;
      r[34] = cost.toPlainString();
      r[35] = cost.multiply(new BigDecimal("0.95")).toPlainString();
    } else {
      r[9] = "Usage";
      r[3] = "AWS Marketplace";
      r[20] = "Acme Software Ltd";
      r[12] = "prod-" + dice.hex(10);
      r[21] = "Acme Firewall";
    }
  }

  private static void monthLong(String[] r, Instant start, Instant end, String type, String text) {
    r[9] = type;
    r[10] = start.toString();
    r[11] = end.toString();
    r[19] = text;
    r[24] = "";
    r[25] = "";
    r[26] = "";
    r[27] = "";
    r[13] = "";
    r[14] = "";
  }

  static String account(int prefix, int n) {
    return String.format("%d%011d", prefix, 10_000_000L + n * 7919L);
  }
}
