package dev.convergence.core.warehouse;

/**
 * The few column types the warehouse tables use, named by what they hold; each adapter maps them to
 * its own SQL types. Amounts are {@link #DECIMAL}: exact, at the staged Parquet's scale of 18
 * fractional digits (BIGNUMERIC in BigQuery, whose NUMERIC keeps only 9; {@code DECIMAL(38, 18)} in
 * DuckDB), so a sum reconciles to the cent against the source and never passes through binary
 * floating point.
 */
public enum ColumnType {
  STRING,
  INT64,
  /** An exact amount or quantity with 18 fractional digits. */
  DECIMAL,
  /** An instant, UTC. */
  TIMESTAMP,
  /** A calendar day with no time zone (a charge day, the first day of a billing period). */
  DATE,
  BOOL;

  /** The scale every {@link #DECIMAL} column stores, and every amount the warehouse returns. */
  public static final int DECIMAL_SCALE = 18;
}
