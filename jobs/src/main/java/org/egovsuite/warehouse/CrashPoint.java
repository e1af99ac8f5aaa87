package org.egovsuite.warehouse;

/**
 * Fault injection for the crash tests of publishing: with {@code -Degov.crash.at=<point>} (or
 * {@code <point>:<table>}) the JVM halts at that point as a kill would stop it — no finally blocks,
 * no shutdown hooks. Without the property this does nothing.
 */
public final class CrashPoint {
  public static final String PROPERTY = "egov.crash.at";
  public static final int EXIT = 137;

  private CrashPoint() {}

  public static void at(String point, String table) {
    String wanted = System.getProperty(PROPERTY);
    if (wanted != null && (wanted.equals(point) || wanted.equals(point + ":" + table))) {
      System.err.println("egov: crash injected at " + point + " (" + table + ")");
      System.err.flush();
      Runtime.getRuntime().halt(EXIT);
    }
  }
}
