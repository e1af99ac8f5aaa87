package org.egovsuite.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.DatasetDefinition;

/**
 * JSON records through Jackson's streaming parser: one object per line, the objects of one
 * top-level array, or the entries of one top-level object (fields {@code key}, {@code value}). The
 * "header" is the mapped source names: an object's missing key reads as null; nested values are
 * kept as JSON text. A line that is not a JSON object is a record with an error (quarantined); a
 * broken array or object ends the file with an error, since there is no way to resynchronise inside
 * it.
 */
final class JsonRecordSource implements RecordSource {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String file;
  private final String[] header;
  private final BufferedReader lines;
  private final JsonParser array;
  private final boolean entries;

  JsonRecordSource(DatasetDefinition dataset, String file, InputStream in) throws IOException {
    this.file = file;
    header = dataset.columns().stream().map(ColumnSpec::source).toArray(String[]::new);
    BufferedReader reader = new BufferedReader(Decoding.reader(in, dataset.encoding()));
    String layout = dataset.format().jsonLayout();
    entries = layout.equals("entries");
    if (!layout.equals("lines")) {
      lines = null;
      array = MAPPER.getFactory().createParser(reader);
      JsonToken expected = entries ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
      if (array.nextToken() != expected) {
        throw new InputException(
            file
                + ": expected one JSON "
                + (entries ? "object" : "array of objects")
                + " (json.layout is "
                + layout
                + ")");
      }
    } else {
      lines = reader;
      array = null;
    }
  }

  @Override
  public List<String> preamble() {
    return List.of();
  }

  @Override
  public String[] header() {
    return header;
  }

  @Override
  public Iterator<SourceRecord> records() {
    return new PrefetchIterator<>() {
      private long count;

      @Override
      protected SourceRecord computeNext() {
        try {
          return array != null ? nextInArray() : nextLine();
        } catch (IOException e) {
          throw new UncheckedIOException(
              new IOException(file + ": record " + (count + 1) + ": " + e.getMessage(), e));
        }
      }

      private SourceRecord nextLine() throws IOException {
        String line;
        do {
          line = lines.readLine();
          count++;
        } while (line != null && line.isBlank());
        if (line == null) {
          return null;
        }
        try {
          JsonNode node = MAPPER.readTree(line);
          if (!node.isObject()) {
            return new SourceRecord(count, line, null, "not a JSON object");
          }
          return new SourceRecord(count, line, fields(node));
        } catch (JsonProcessingException e) {
          return new SourceRecord(count, line, null, "not valid JSON: " + e.getOriginalMessage());
        }
      }

      private SourceRecord nextInArray() throws IOException {
        JsonToken token = array.nextToken();
        if (token == null || token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
          return null;
        }
        count++;
        if (entries) {
          String key = array.currentName();
          array.nextToken();
          JsonNode value = MAPPER.readTree(array);
          return new SourceRecord(
              count,
              key + ": " + value,
              fields(
                  MAPPER
                      .createObjectNode()
                      .put("key", key)
                      .put("value", value.isValueNode() ? value.asText() : value.toString())));
        }
        JsonNode node = MAPPER.readTree(array);
        if (!node.isObject()) {
          return new SourceRecord(count, node.toString(), null, "not a JSON object");
        }
        return new SourceRecord(count, node.toString(), fields(node));
      }
    };
  }

  private String[] fields(JsonNode node) {
    String[] out = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      JsonNode value = node.get(header[i]);
      out[i] =
          value == null || value.isNull()
              ? null
              : value.isValueNode() ? value.asText() : value.toString();
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    if (array != null) {
      array.close();
    } else {
      lines.close();
    }
  }
}
