package org.egovsuite.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where dataset definitions may read from: under the inputs base (the profile's {@code inputs}, or
 * the project home) or under a folder the profile lists in {@code allowed_locations}. A definition
 * is configuration anyone on the team may edit; reading {@code /etc} or another team's bucket has
 * to be allowed where the environment is described, not in the definition.
 */
public final class DatasetLocations {
  private DatasetLocations() {}

  /**
   * @throws ConfigException naming the definition's file:line of the first location outside
   */
  public static void check(PipelineConfig config, RunProfile profile) {
    String base = profile.inputs() != null ? profile.inputs() : config.home().toString();
    List<String> allowed = new ArrayList<>();
    allowed.add(normalise(base));
    for (String extra : profile.allowedLocations()) {
      allowed.add(normalise(DatasetDefinitionLoader.resolveLocation(extra, config.home())));
    }
    for (DatasetDefinition whole : config.datasets()) {
      List<DatasetDefinition> parts = whole.partDefinitions();
      for (int i = 0; i < parts.size(); i++) {
        check(whole, i, parts.get(i), allowed, base, profile);
      }
    }
  }

  private static void check(
      DatasetDefinition whole,
      int part,
      DatasetDefinition dataset,
      List<String> allowed,
      String base,
      RunProfile profile) {
    String location = normalise(dataset.location());
    if (allowed.stream()
        .anyMatch(a -> location.equals(a) || location.startsWith(a.endsWith("/") ? a : a + "/"))) {
      return;
    }
    YamlNode root = YamlFiles.read(Path.of(dataset.file()));
    YamlNode node =
        whole.parts().isEmpty()
            ? root.require("location")
            : root.require("parts").items().get(part).require("location");
    throw node.error(
        "'"
            + dataset.location()
            + "' is outside the inputs base "
            + base
            + (profile.allowedLocations().isEmpty()
                ? ""
                : " and the profile's allowed_locations " + profile.allowedLocations())
            + "; to read it, list its folder under allowed_locations in "
            + profile.file());
  }

  /** A path without . and .. segments; a URI's path likewise, scheme and authority kept. */
  static String normalise(String location) {
    if (location.startsWith("file:")) {
      location = location.replaceFirst("^file:(//)?", "");
    }
    int scheme = location.indexOf("://");
    if (scheme < 0) {
      return Path.of(location).toAbsolutePath().normalize().toString();
    }
    int pathStart = location.indexOf('/', scheme + 3);
    if (pathStart < 0) {
      return location;
    }
    return location.substring(0, pathStart) + Path.of(location.substring(pathStart)).normalize();
  }
}
