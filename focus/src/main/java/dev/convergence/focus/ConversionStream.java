package dev.convergence.focus;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams the conversion of one source file: each step yields a {@link FocusRow} or a {@link
 * Reject}, in file order, holding only the current record in memory. {@link #tally()} counts what
 * has been yielded so far; after the last element it is the file's full account.
 */
public final class ConversionStream implements Iterator<Converted>, Closeable {

  private final RecordSource source;
  private final ArrayDeque<Converted> pending = new ArrayDeque<>();
  private final Map<RejectReason, Long> rejectsByReason = new EnumMap<>(RejectReason.class);
  private long inputRecords;
  private long outputRows;
  private long rejects;
  private long rejectsWithoutCost;
  private BigDecimal rejectedCost = BigDecimal.ZERO;
  private boolean exhausted;

  public ConversionStream(RecordSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public boolean hasNext() {
    while (pending.isEmpty() && !exhausted) {
      Outcome outcome;
      try {
        outcome = source.next();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (outcome == null) {
        exhausted = true;
      } else {
        count(outcome);
      }
    }
    return !pending.isEmpty();
  }

  @Override
  public Converted next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the source is exhausted");
    }
    return pending.poll();
  }

  /** Reads the whole source, handing rows and rejects to their consumers; returns the tally. */
  public ConversionTally drain(Consumer<FocusRow> rows, Consumer<Reject> rejected) {
    while (hasNext()) {
      Converted next = next();
      if (next instanceof FocusRow row) {
        rows.accept(row);
      } else {
        rejected.accept((Reject) next);
      }
    }
    return tally();
  }

  public ConversionTally tally() {
    return new ConversionTally(
        inputRecords,
        outputRows,
        rejects,
        rejectedCost,
        rejectsWithoutCost,
        rejectsByReason,
        source.unknownServices());
  }

  private void count(Outcome outcome) {
    inputRecords++;
    if (outcome.reject() != null) {
      Reject reject = outcome.reject();
      rejects++;
      rejectsByReason.merge(reject.reason(), 1L, Long::sum);
      if (reject.rawCost() == null) {
        rejectsWithoutCost++;
      } else {
        rejectedCost = rejectedCost.add(reject.rawCost());
      }
      pending.add(reject);
    } else {
      outputRows += outcome.rows().size();
      for (FocusRow row : outcome.rows()) {
        pending.add(row);
      }
    }
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
