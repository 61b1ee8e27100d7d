package dev.convergence.stages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet file held in memory, as the object-store port returns objects: lets parquet-hadoop read
 * objects from Cloud Storage or a local directory alike, with no Hadoop file system.
 */
public final class BytesInputFile implements InputFile {

  private final byte[] content;

  public BytesInputFile(byte[] content) {
    this.content = content;
  }

  @Override
  public long getLength() {
    return content.length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream(content);
  }

  private static final class Stream extends DelegatingSeekableInputStream {
    private final Seekable in;

    Stream(byte[] content) {
      this(new Seekable(content));
    }

    private Stream(Seekable in) {
      super(in);
      this.in = in;
    }

    @Override
    public long getPos() {
      return in.position();
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0 || newPos > in.length()) {
        throw new IOException("seek to " + newPos + " outside 0.." + in.length());
      }
      in.moveTo((int) newPos);
    }
  }

  private static final class Seekable extends ByteArrayInputStream {
    Seekable(byte[] content) {
      super(content);
    }

    long position() {
      return pos;
    }

    long length() {
      return count;
    }

    void moveTo(int position) {
      pos = position;
    }
  }
}
