package dev.convergence.focus;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/** A provider reader and mapper: yields the outcome of each source record, in file order. */
public interface RecordSource extends Closeable {

  /** The outcome of the next source record, or null once the input is exhausted. */
  Outcome next() throws IOException;

  /** Rows per service code that had no entry in the service mapping and went to Other. */
  Map<String, Long> unknownServices();
}
