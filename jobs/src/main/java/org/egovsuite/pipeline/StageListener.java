package org.egovsuite.pipeline;

/** Told when a stage starts and ends, so the CLI can print one line for each. */
public interface StageListener {
  void started(String stage, String what);

  void finished(String stage, String summary, long millis);

  StageListener SILENT = new StageListener() {
    @Override
    public void started(String stage, String what) {}

    @Override
    public void finished(String stage, String summary, long millis) {}
  };
}
