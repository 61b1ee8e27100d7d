package dev.convergence.flink.parquet;

import java.io.IOException;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} on one of Flink's file systems (local, or {@code gs://} through the
 * cluster's plugin): Parquet reads the footer first and then seeks to row groups, which Flink's
 * streams support.
 */
public final class FlinkInputFile implements InputFile {

  private final Path path;
  private final FileSystem fs;
  private final long length;

  private FlinkInputFile(Path path, FileSystem fs, long length) {
    this.path = path;
    this.fs = fs;
    this.length = length;
  }

  public static FlinkInputFile of(Path path) throws IOException {
    FileSystem fs = path.getFileSystem();
    return new FlinkInputFile(path, fs, fs.getFileStatus(path).getLen());
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    FSDataInputStream in = fs.open(path);
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() throws IOException {
        return in.getPos();
      }

      @Override
      public void seek(long newPos) throws IOException {
        in.seek(newPos);
      }
    };
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
