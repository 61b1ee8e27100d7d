package dev.convergence.focus.source;

import dev.convergence.core.provider.Provider;
import dev.convergence.focus.FocusConformance;
import dev.convergence.focus.FocusRow;
import dev.convergence.focus.Outcome;
import dev.convergence.focus.Reject;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.RowRejectedException;
import dev.convergence.focus.SourceContext;
import dev.convergence.focus.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stamps mapped rows with their context ({@code x_} columns) and checks them against FOCUS before
 * they leave: a row that does not conform rejects its whole source record, so a record's rows are
 * all converted or none is.
 */
public final class RowFinisher {

  private final SourceContext context;
  private final Provider provider;
  private final FocusConformance conformance;

  public RowFinisher(SourceContext context, Provider provider) {
    this.context = context;
    this.provider = provider;
    this.conformance = FocusConformance.v1_2();
  }

  public SourceContext context() {
    return context;
  }

  /**
   * Maps one tabular record and finishes its rows, or rejects it with the mapper's reason. The
   * record's raw cost is read only for a reject: a converted record's cost is in its rows.
   */
  public Outcome convert(CsvRowMapper mapper, CsvRow row) {
    try {
      return finish(mapper.map(row), row.line());
    } catch (RowRejectedException e) {
      return reject(e.reason(), e.getMessage(), row.line(), mapper.rawCost(row));
    }
  }

  /**
   * Stamps and checks the rows of the source record at {@code line}.
   *
   * @throws RowRejectedException {@link RejectReason#NOT_CONFORMANT}, naming every rule the first
   *     non-conformant row breaks, when one of them does not conform
   */
  public Outcome finish(List<FocusRow.Builder> builders, long line) throws RowRejectedException {
    if (builders.size() == 1) {
      return Outcome.of(List.of(finish(builders.get(0), line)));
    }
    List<FocusRow> rows = new ArrayList<>(builders.size());
    for (FocusRow.Builder builder : builders) {
      rows.add(finish(builder, line));
    }
    return Outcome.of(rows);
  }

  private FocusRow finish(FocusRow.Builder builder, long line) throws RowRejectedException {
    FocusRow row =
        builder
            .xTenantId(context.tenantId())
            .xRunId(context.runId())
            .xProvider(provider)
            .xSourceFile(context.sourceFile())
            .xSourceLine(context.fileLine(line))
            .xSnapshotId(context.snapshotId())
            .build();
    List<Violation> violations = conformance.check(row);
    if (!violations.isEmpty()) {
      throw new RowRejectedException(
          RejectReason.NOT_CONFORMANT,
          violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    return row;
  }

  public Outcome reject(RejectReason reason, String message, long line, BigDecimal rawCost) {
    return Outcome.rejected(
        new Reject(reason, message, context.sourceFile(), context.fileLine(line), rawCost));
  }
}
