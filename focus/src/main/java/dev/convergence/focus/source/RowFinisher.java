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

  /** Maps one tabular record and finishes its rows, or rejects it with the mapper's reason. */
  public Outcome convert(CsvRowMapper mapper, CsvRow row) {
    BigDecimal rawCost = mapper.rawCost(row);
    try {
      return finish(mapper.map(row), row.line(), rawCost);
    } catch (RowRejectedException e) {
      return reject(e.reason(), e.getMessage(), row.line(), rawCost);
    }
  }

  public Outcome finish(List<FocusRow.Builder> builders, long line, BigDecimal rawCost) {
    List<FocusRow> rows = new ArrayList<>(builders.size());
    for (FocusRow.Builder builder : builders) {
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
        return reject(
            RejectReason.NOT_CONFORMANT,
            violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
            line,
            rawCost);
      }
      rows.add(row);
    }
    return Outcome.of(rows);
  }

  public Outcome reject(RejectReason reason, String message, long line, BigDecimal rawCost) {
    return Outcome.rejected(
        new Reject(reason, message, context.sourceFile(), context.fileLine(line), rawCost));
  }
}
