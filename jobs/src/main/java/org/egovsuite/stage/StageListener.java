package org.egovsuite.stage;

/** Told when a stage starts and ends, so the CLI can print one line for each. */
public interface StageListener {
  void started(String stage, String what);

  void finished(String stage, String summary, long millis);

  /** Something a person should look at that does not stop the stage. */
  void warning(String stage, String message);

  /** A block of text for people (a table of results); printed as is, not in JSON or quiet mode. */
  default void text(String block) {}
}
