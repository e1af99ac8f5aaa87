package org.egovsuite.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a YAML file into a {@link YamlNode}, turning every failure into one clear line. */
public final class YamlFiles {
  private YamlFiles() {}

  public static YamlNode read(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(name + ": file not found");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      // No definition needs aliases of collections; a few are harmless, thousands are a bomb.
      options.setMaxAliasesForCollections(10);
      Node root = new Yaml(options).compose(reader);
      if (root == null) {
        throw new ConfigException(name + ": file is empty; expected a YAML mapping");
      }
      return new YamlNode(name, "", root);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new ConfigException(name + ":" + line + ": malformed YAML: " + e.getProblem());
    } catch (YAMLException e) {
      // Not valid UTF-8, too many aliases, too large: SnakeYAML's own reason, with the file.
      throw new ConfigException(name + ": not a readable YAML file: " + reason(e), e);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + reason(e), e);
    }
  }

  /** The innermost cause's message, on one line and never more than 200 characters. */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text =
        root instanceof java.nio.charset.CharacterCodingException
            ? "bytes that are not valid UTF-8 (save the file as UTF-8)"
            : String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }
}
