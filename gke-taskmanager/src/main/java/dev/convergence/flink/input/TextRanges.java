package dev.convergence.flink.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * Finds where a large text file can be cut into parts of whole records, reading it once: for CSV it
 * follows quoting as a CSV reader does (a quote opens a quoted field only at the start of a field,
 * two quotes inside one are a literal quote), so a line break inside a quoted field is never a cut;
 * JSON lines have no line breaks inside a record. It counts line breaks (LF, CR LF, and a lone CR,
 * inside quotes too, as the CSV reader numbers lines) so each part knows the line it starts at.
 */
final class TextRanges {

  /** Receives each part as it is found. */
  interface Parts {
    /**
     * @param start the first byte of the part's first record
     * @param end the byte after its last record
     * @param headerEnd 0 for the first part (it holds the header); else the header's end, to be
     *     read before the part
     * @param lineOffset what to add to the line numbers of the part read behind the header
     */
    void part(long start, long end, long headerEnd, long lineOffset);
  }

  private enum State {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED
  }

  private static final int BUFFER = 1 << 20;

  /** The bytes that matter, by value: line breaks; in CSV also quotes and field separators. */
  private static final boolean[] LINE_SPECIAL = special("\n\r");

  private static final boolean[] CSV_SPECIAL = special("\n\r\",");

  private TextRanges() {}

  /**
   * Reads {@code in} to its end, handing on parts of about {@code targetBytes} each (the last may
   * be shorter, one record may make a part longer) that together cover the file.
   *
   * @param csv whether to follow CSV quoting
   * @param hasHeader whether the first record is a header, which every part after the first is read
   *     behind
   * @return how many parts there are
   */
  static int scan(InputStream in, long targetBytes, boolean csv, boolean hasHeader, Parts parts)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    State state = State.FIELD_START;
    boolean previousCr = false;
    long lines = 0;
    long position = 0;
    long partStart = 0;
    long partLines = 0;
    int count = 0;
    boolean headerRead = !hasHeader;
    long headerEnd = 0;
    long headerLines = 0;
    int read;
    while ((read = in.read(buffer)) > 0) {
      for (int i = 0; i < read; i++) {
        byte b = buffer[i];
        if (isPlain(b, csv)) {
          // Most bytes change nothing but that a field has begun: skip the run in one tight loop.
          int j = i + 1;
          while (j < read && isPlain(buffer[j], csv)) {
            j++;
          }
          previousCr = false;
          if (state != State.QUOTED) {
            state = State.UNQUOTED;
          }
          i = j - 1;
          continue;
        }
        boolean lineBreak = b == '\n' ? !previousCr : b == '\r';
        previousCr = b == '\r';
        if (lineBreak) {
          lines++;
        }
        if (csv) {
          if (state == State.QUOTE_IN_QUOTED) {
            // A quote in a quoted field either escapes this one or closed the field.
            state = b == '"' ? State.QUOTED : State.UNQUOTED;
            if (b == '"') {
              continue;
            }
          }
          if (state == State.QUOTED) {
            if (b == '"') {
              state = State.QUOTE_IN_QUOTED;
            }
            continue;
          }
          if (b == '"' && state == State.FIELD_START) {
            state = State.QUOTED;
            continue;
          }
          state = b == ',' ? State.FIELD_START : State.UNQUOTED;
        }
        if (b != '\n' && b != '\r') {
          continue;
        }
        if (csv) {
          state = State.FIELD_START;
        }
        long next = position + i + 1;
        if (b == '\r') {
          // The record ends after this CR, or after the LF that may follow it: decided there.
          continue;
        }
        if (!headerRead) {
          headerRead = true;
          headerEnd = next;
          headerLines = lines;
          continue;
        }
        if (next - partStart >= targetBytes) {
          count++;
          emit(parts, partStart, next, partLines, headerEnd, headerLines);
          partStart = next;
          partLines = lines;
        }
      }
      position += read;
    }
    if (position > partStart) {
      count++;
      emit(parts, partStart, position, partLines, headerEnd, headerLines);
    }
    return count;
  }

  /** Whether the byte is neither a line break nor, in CSV, a quote or a field separator. */
  private static boolean isPlain(byte b, boolean csv) {
    return !(csv ? CSV_SPECIAL : LINE_SPECIAL)[b & 0xff];
  }

  private static boolean[] special(String bytes) {
    boolean[] table = new boolean[256];
    for (char c : bytes.toCharArray()) {
      table[c] = true;
    }
    return table;
  }

  private static void emit(
      Parts parts, long start, long end, long linesBefore, long headerEnd, long headerLines) {
    if (start == 0) {
      parts.part(0, end, 0, 0);
    } else {
      // Behind the header, the part's first line is numbered headerLines + 1.
      parts.part(start, end, headerEnd, linesBefore - headerLines);
    }
  }
}
