package dev.convergence.stages.finalize;

import dev.convergence.core.store.ObjectInfo;
import dev.convergence.focus.source.ParquetTextTable;
import dev.convergence.stages.BytesInputFile;
import dev.convergence.stages.StageError;
import dev.convergence.stages.StageException;
import dev.convergence.stages.StagedRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a run's staged {@code output/anomalies/part-*.parquet}, read through the object store
 * with focus's {@link ParquetTextTable}, so every Parquet value is rendered as text by the one set
 * of rules the pipeline uses elsewhere (exact decimals, ISO dates). A run without anomalies has no
 * part file: that is no rows, not an error.
 */
final class StagedAnomalies {

  private StagedAnomalies() {}

  /** Every row, part files in key order and rows in file order, as column name to text. */
  static List<Map<String, String>> read(StagedRun staged) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (ObjectInfo part : staged.parts(staged.layout().anomaliesOutputPrefix(), ".parquet")) {
      byte[] content = staged.bytes(part);
      try (ParquetTextTable table =
          ParquetTextTable.open(new BytesInputFile(content), part.key())) {
        List<String> names = table.names();
        String[] fields;
        while ((fields = table.next()) != null) {
          Map<String, String> row = new HashMap<>();
          for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), fields[i]);
          }
          rows.add(row);
        }
      } catch (IOException | RuntimeException e) {
        throw new StageException(
            StageError.STAGED_OUTPUT_MISSING,
            part.key() + ": is not readable Parquet: " + e.getMessage(),
            e);
      }
    }
    return rows;
  }
}
