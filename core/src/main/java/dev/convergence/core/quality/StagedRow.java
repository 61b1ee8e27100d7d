package dev.convergence.core.quality;

/**
 * One row of a run's staged FOCUS output, read by column name. Values are {@code String}, {@code
 * java.math.BigDecimal}, {@code java.time.Instant}, {@code Long} or null, as the staged Parquet
 * types them; the rules never see the file format.
 */
@FunctionalInterface
public interface StagedRow {

  Object value(String column);
}
