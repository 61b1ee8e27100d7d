package dev.convergence.flink.args;

/** Where keyed working state lives: on the JVM heap, or in RocksDB on local disk. */
public enum StateBackendKind {
  HEAP("heap", "hashmap"),
  ROCKSDB("rocksdb", "rocksdb");

  private final String wireName;
  private final String flinkName;

  StateBackendKind(String wireName, String flinkName) {
    this.wireName = wireName;
    this.flinkName = flinkName;
  }

  public String wireName() {
    return wireName;
  }

  /** The value of Flink's {@code state.backend.type}. */
  public String flinkName() {
    return flinkName;
  }
}
