package org.egovsuite.cli;

/** The version written into manifests: the jar's Implementation-Version, or "dev" from classes. */
public final class EgovVersion {
  private EgovVersion() {}

  public static String get() {
    String version = EgovVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
