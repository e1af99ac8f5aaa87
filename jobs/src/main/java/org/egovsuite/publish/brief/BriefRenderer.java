package org.egovsuite.publish.brief;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.egovsuite.config.ConfigException;

/**
 * Renders a brief from its sentence template: {@code conf/brief/<lang>.mustache} under the project
 * home, a Mustache file an analyst rewords without touching code (the figures are the {@link
 * BriefModel}'s; {@code {{…}}} escapes HTML, {@code {{{…}}}} places a chart).
 */
public final class BriefRenderer {
  public static final List<String> LANGUAGES = List.of("zh", "en");

  private BriefRenderer() {}

  public static String render(Path home, String lang, Map<String, Object> model) {
    Path folder = home.resolve("conf/brief");
    Path template = folder.resolve(lang + ".mustache");
    if (!Files.isRegularFile(template)) {
      throw new ConfigException(
          template
              + ": no brief template for language '"
              + lang
              + "'; templates are "
              + "conf/brief/<lang>.mustache (zh, en)");
    }
    try {
      Mustache mustache =
          new DefaultMustacheFactory(folder.toFile()).compile(template.getFileName().toString());
      StringWriter out = new StringWriter();
      Map<String, Object> scoped = new java.util.LinkedHashMap<>(model);
      if (model.get(BriefModel.CHARTS_BY_LANGUAGE) instanceof Map<?, ?> charts) {
        scoped.put("charts", charts.get(lang));
      }
      mustache.execute(out, scoped);
      return out.toString();
    } catch (MustacheException e) {
      throw new ConfigException(template + ": " + e.getMessage());
    }
  }
}
