package dev.convergence.focus.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.convergence.core.provider.Provider;
import dev.convergence.focus.ConversionStream;
import dev.convergence.focus.Outcome;
import dev.convergence.focus.RecordSource;
import dev.convergence.focus.RejectReason;
import dev.convergence.focus.SourceContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a provider CSV file (plain or gzip, UTF-8 or, after a byte-order mark, UTF-16 or UTF-32;
 * see {@link Inputs#text}) one record at a time with FastCSV, and maps each record with the mapper
 * made for its header. A record whose field count differs from the header's is rejected, not
 * guessed at.
 */
public final class CsvRecordSource implements RecordSource {

  /** Makes the mapper for a file once its header is known; throws if required columns miss. */
  @FunctionalInterface
  public interface MapperFactory {
    CsvRowMapper create(CsvHeader header, SourceContext context) throws IOException;
  }

  private final CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader;
  private final CloseableIterator<de.siegmar.fastcsv.reader.CsvRecord> records;
  private final CsvHeader header;
  private final CsvRowMapper mapper;
  private final RowFinisher finisher;

  private CsvRecordSource(
      CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader,
      CsvHeader header,
      CsvRowMapper mapper,
      RowFinisher finisher) {
    this.reader = reader;
    this.records = reader.iterator();
    this.header = header;
    this.mapper = mapper;
    this.finisher = finisher;
  }

  /** Opens the file, reads and checks its header; the stream then yields one outcome a record. */
  public static ConversionStream open(
      InputStream in, SourceContext context, Provider provider, MapperFactory factory)
      throws IOException {
    CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader =
        CsvReader.builder()
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(Inputs.text(in));
    try {
      CloseableIterator<de.siegmar.fastcsv.reader.CsvRecord> iterator = reader.iterator();
      if (!iterator.hasNext()) {
        throw new IOException(context.sourceFile() + ": is empty; expected a CSV header");
      }
      CsvHeader header = new CsvHeader(iterator.next().getFields());
      CsvRowMapper mapper = factory.create(header, context);
      return new ConversionStream(
          new CsvRecordSource(reader, header, mapper, new RowFinisher(context, provider)));
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public Outcome next() throws IOException {
    de.siegmar.fastcsv.reader.CsvRecord record;
    try {
      if (!records.hasNext()) {
        return null;
      }
      record = records.next();
    } catch (CsvParseException e) {
      throw new IOException(finisher.context().sourceFile() + ": unreadable CSV: " + e, e);
    }
    CsvRow row = new CsvRow(record);
    if (record.getFieldCount() != header.size()) {
      return finisher.reject(
          RejectReason.MALFORMED_RECORD,
          "has " + record.getFieldCount() + " fields; the header has " + header.size(),
          row.line(),
          null);
    }
    return finisher.convert(mapper, row);
  }

  @Override
  public Map<String, Long> unknownServices() {
    return mapper.unknownServices();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
