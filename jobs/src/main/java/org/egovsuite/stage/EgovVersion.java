package org.egovsuite.stage;

/**
 * The version written into manifests and lineage: the jar's Implementation-Version (or "dev" from
 * classes) and the git commit bin/egov found ({@code -Degov.commit}, "+dirty" when the working tree
 * had changes).
 */
public final class EgovVersion {
  private EgovVersion() {}

  public static String get() {
    String version = EgovVersion.class.getPackage().getImplementationVersion();
    String commit = System.getProperty("egov.commit", "");
    return (version == null ? "dev" : version) + (commit.isBlank() ? "" : " (git " + commit + ")");
  }
}
