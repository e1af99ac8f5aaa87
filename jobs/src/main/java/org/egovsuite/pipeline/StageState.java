package org.egovsuite.pipeline;

import org.egovsuite.publish.JsonFiles;
import org.egovsuite.publish.Warehouse;

/** Reads the record a stage left in {@code _state/}, or says which command to run first. */
final class StageState {
  private StageState() {}

  static <T> T require(Warehouse warehouse, String stage, Class<T> type, String needed) {
    String path = warehouse.state(stage);
    if (!warehouse.exists(path)) {
      throw new MissingStageOutputException("no " + stage + " results in warehouse " + warehouse.root()
          + " (" + path + " is missing); run 'bin/egov " + stage + "' first, " + needed);
    }
    return JsonFiles.read(warehouse, path, type);
  }

  /** The stage's record, when that stage has run in this warehouse. */
  static <T> java.util.Optional<T> read(Warehouse warehouse, String stage, Class<T> type) {
    String path = warehouse.state(stage);
    return warehouse.exists(path) ? java.util.Optional.of(JsonFiles.read(warehouse, path, type)) : java.util.Optional.empty();
  }

  static void save(Warehouse warehouse, String stage, Object record) {
    JsonFiles.write(warehouse, warehouse.state(stage), record);
  }
}
