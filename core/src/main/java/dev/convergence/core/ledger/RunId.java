package dev.convergence.core.ledger;

import dev.convergence.core.request.BillingPeriod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Run ids are derived, never drawn: the same tenant, pipeline, billing period and request id give
 * the same id, so a message delivered twice names one run. The form is {@code <period>-<24 hex>},
 * for example {@code 2026-11-3f9c0a1b2c3d4e5f60718293}: it sorts by period and is safe in object
 * keys, BigQuery labels and file names.
 */
public final class RunId {

  private RunId() {}

  public static String derive(
      String tenantId, String pipeline, BillingPeriod period, String requestId) {
    String identity = String.join("\u0000", tenantId, pipeline, period.toString(), requestId);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return period + "-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
