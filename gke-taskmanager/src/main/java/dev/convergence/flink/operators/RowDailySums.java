package dev.convergence.flink.operators;

import dev.convergence.flink.allocation.CostCentres;
import dev.convergence.focus.FocusRow;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The daily sums of FOCUS rows within one subtask, for {@link PreAggregate}: each row counts in its
 * day group ({@link DailyAggregate#groupOf}) and direct cost centre. A group's sums are kept in one
 * mutable {@link Running} sum, so a row costs no aggregate of its own.
 */
public final class RowDailySums
    implements PreAggregate.Sums<
        FocusRow, DailyAggregate.Group, RowDailySums.Running, DailyAggregate> {

  private static final long serialVersionUID = 1L;

  private final CostCentres centres;

  public RowDailySums(CostCentres centres) {
    this.centres = Objects.requireNonNull(centres, "centres");
  }

  @Override
  public DailyAggregate.Group key(FocusRow row) {
    return DailyAggregate.groupOf(row, centres.directCentre(row));
  }

  @Override
  public Running first(FocusRow row) {
    return new Running(row);
  }

  @Override
  public Running plus(Running sum, FocusRow row) {
    sum.add(row);
    return sum;
  }

  @Override
  public DailyAggregate result(DailyAggregate.Group group, Running sum) {
    return group.aggregate(sum.billed, sum.effective, sum.list, sum.rows);
  }

  /** The costs and count of one group's rows so far. */
  public static final class Running {

    private BigDecimal billed;
    private BigDecimal effective;
    private BigDecimal list;
    private long rows;

    Running(FocusRow row) {
      billed = row.billedCost();
      effective = row.effectiveCost();
      list = row.listCost();
      rows = 1;
    }

    void add(FocusRow row) {
      billed = DailyAggregate.sum(billed, row.billedCost());
      effective = DailyAggregate.sum(effective, row.effectiveCost());
      list = DailyAggregate.sum(list, row.listCost());
      rows++;
    }
  }
}
