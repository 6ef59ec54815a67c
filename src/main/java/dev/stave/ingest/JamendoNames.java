package dev.stave.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code jamendo_ds} CSV: track and artist names keyed by the Jamendo track id found in its
 * download URL. Names are trimmed (the file pads many with a trailing space).
 */
final class JamendoNames {
  private static final Pattern TRACK_URL = Pattern.compile("/download/track/(\\d+)(/|$)");

  private JamendoNames() {}

  record Named(String track, String artist) {}

  static Map<Long, Named> read(Path file, ImportSink sink) throws IOException {
    Map<Long, Named> out = new HashMap<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            // the header ends with ';', i.e. an unnamed empty last column
            .setAllowMissingColumnNames(true)
            .get();
    try (Reader in =
            new InputStreamReader(
                InputFiles.decompressing(Files.newInputStream(file)), StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(in, format)) {
      for (CSVRecord r : csv) {
        sink.rowRead();
        // +1: the header is line 1 (no field of this file spans lines).
        SourceRef where = SourceRef.of(file, r.getRecordNumber() + 1);
        String song = get(r, "song");
        String artist = get(r, "artist");
        Matcher m = TRACK_URL.matcher(get(r, "downloadurl"));
        if (!m.find()) {
          sink.skip(
              where, "downloadurl holds no Jamendo track id: '" + get(r, "downloadurl") + "'");
        } else if (song.isBlank()) {
          sink.skip(where, "song name is empty");
        } else {
          out.putIfAbsent(Long.parseLong(m.group(1)), new Named(song.strip(), artist.strip()));
        }
      }
    } catch (UncheckedIOException e) {
      throw new ImportException(
          file + ": not readable as a ';'-separated CSV: " + e.getMessage(), e);
    }
    return out;
  }

  private static String get(CSVRecord r, String column) {
    return r.isSet(column) ? r.get(column) : "";
  }
}
