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
    OUTSIDE,
    QUOTED,
    QUOTE_IN_QUOTED
  }

  private static final int BUFFER = 1 << 20;

  /** The bytes that matter, by value: line breaks; in CSV also quotes. */
  private static final boolean[] LINE_SPECIAL = special("\n\r");

  private static final boolean[] CSV_SPECIAL = special("\n\r\"");

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
    State state = State.OUTSIDE;
    boolean[] special = csv ? CSV_SPECIAL : LINE_SPECIAL;
    byte previous = '\n';
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
        if (!special[b & 0xff]) {
          // Most bytes change nothing: skip the run in one tight loop.
          int j = i + 1;
          while (j < read && !special[buffer[j] & 0xff]) {
            j++;
          }
          if (state == State.QUOTE_IN_QUOTED) {
            state = State.OUTSIDE;
          }
          previous = buffer[j - 1];
          i = j - 1;
          continue;
        }
        byte before = previous;
        previous = b;
        if (b == '"') {
          // Only a quote that starts a field opens quoting; two in a quoted field are one quote.
          state =
              switch (state) {
                case OUTSIDE ->
                    before == ',' || before == '\n' || before == '\r'
                        ? State.QUOTED
                        : State.OUTSIDE;
                case QUOTED -> State.QUOTE_IN_QUOTED;
                case QUOTE_IN_QUOTED -> State.QUOTED;
              };
          continue;
        }
        // A line break: LF, CR LF (counted at the CR) or a lone CR.
        if (b == '\r' || before != '\r') {
          lines++;
        }
        if (state == State.QUOTE_IN_QUOTED) {
          state = State.OUTSIDE;
        }
        if (state == State.QUOTED || b == '\r') {
          // Inside a field; or the record ends after the LF that may follow this CR.
          continue;
        }
        long next = position + i + 1;
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
