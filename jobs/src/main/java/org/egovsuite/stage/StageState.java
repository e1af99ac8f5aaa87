package org.egovsuite.stage;

import org.egovsuite.config.MissingStageOutputException;
import org.egovsuite.warehouse.JsonFiles;
import org.egovsuite.warehouse.Warehouse;

/**
 * Reads the record a stage left in {@code _state/}, or says which command to run first. The file is
 * a {@link StateFile}: the record with its stage and format version, read strictly (an unknown
 * property or version is refused, naming the file and the command that rewrites it).
 */
public final class StageState {
  private StageState() {}

  /** {@code _state/<stage>.json}. */
  public record StateFile<T>(int formatVersion, String stage, T report)
      implements JsonFiles.Versioned {}

  /** 2: the indicators' tables record their definition and input datasets. */
  public static final int FORMAT_VERSION = 2;

  public static <T> T require(Warehouse warehouse, String stage, Class<T> type, String needed) {
    String path = warehouse.state(stage);
    if (!warehouse.exists(path)) {
      throw new MissingStageOutputException(
          "no "
              + stage
              + " results in warehouse "
              + warehouse.root()
              + " ("
              + path
              + " is missing); run 'bin/egov "
              + stage
              + "' first, "
              + needed);
    }
    return load(warehouse, stage, path, type);
  }

  /** The stage's record, when that stage has run in this warehouse. */
  public static <T> java.util.Optional<T> read(Warehouse warehouse, String stage, Class<T> type) {
    String path = warehouse.state(stage);
    return warehouse.exists(path)
        ? java.util.Optional.of(load(warehouse, stage, path, type))
        : java.util.Optional.empty();
  }

  public static void save(Warehouse warehouse, String stage, Object record) {
    JsonFiles.write(
        warehouse, warehouse.state(stage), new StateFile<>(FORMAT_VERSION, stage, record));
  }

  /**
   * Refusals say which command writes the file again (exit 6: an earlier command's output is
   * needed).
   */
  private static <T> T load(Warehouse warehouse, String stage, String path, Class<T> type) {
    String remedy = "run 'bin/egov " + stage + "' again";
    try {
      StateFile<?> file =
          JsonFiles.readVersioned(warehouse, path, StateFile.class, FORMAT_VERSION, remedy);
      return JsonFiles.STRICT.convertValue(file.report(), type);
    } catch (IllegalArgumentException e) {
      Throwable cause =
          e.getCause() instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u
              ? u
              : e;
      String what =
          cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u
              ? "unknown property '" + u.getPropertyName() + "'"
              : String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
      throw new MissingStageOutputException(
          path + ": " + what + " (written by another egov version?); " + remedy);
    } catch (org.egovsuite.config.ConfigException e) {
      throw new MissingStageOutputException(e.getMessage());
    }
  }
}
