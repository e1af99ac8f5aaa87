package org.egovsuite.warehouse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Stage records and manifests as JSON files in the warehouse (Jackson maps Java records). */
public final class JsonFiles {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * For files this suite writes and other programs read (stage state, manifests): a property it
   * does not know means another version wrote the file, which is said, not silently ignored.
   */
  public static final ObjectMapper STRICT =
      MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonFiles() {}

  public static void write(Warehouse warehouse, String path, Object value) {
    try (OutputStream out = warehouse.create(path)) {
      MAPPER.writeValue(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  public static <T> T read(Warehouse warehouse, String path, Class<T> type) {
    try (InputStream in = warehouse.open(path)) {
      return MAPPER.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * A file of one of the suite's own formats; its {@code formatVersion} must be the one this code
   * writes and every property one it knows.
   *
   * @throws org.egovsuite.config.ConfigException naming the file, what it holds and what was
   *     expected
   */
  public static <T extends Versioned> T readVersioned(
      Warehouse warehouse, String path, Class<T> type, int version, String remedy) {
    try (InputStream in = warehouse.open(path)) {
      com.fasterxml.jackson.databind.JsonNode tree = STRICT.readTree(in);
      int found = tree.path("formatVersion").asInt(0);
      if (found != version) {
        throw new org.egovsuite.config.ConfigException(
            path
                + ": format version "
                + (found == 0 ? "none" : found)
                + ", this egov reads version "
                + version
                + " (written by another egov version); "
                + remedy);
      }
      return STRICT.treeToValue(tree, type);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new org.egovsuite.config.ConfigException(
          path
              + ": unknown property '"
              + e.getPropertyName()
              + "' (written by another egov version?); "
              + remedy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** A file format of the suite's own, versioned so a reader refuses what it does not know. */
  public interface Versioned {
    int formatVersion();
  }
}
