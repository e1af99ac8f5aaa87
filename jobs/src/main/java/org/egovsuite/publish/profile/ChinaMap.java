package org.egovsuite.publish.profile;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.egovsuite.warehouse.JsonFiles;

/**
 * Province outlines of China as an inline SVG with one province highlighted: where a profile's
 * place lies. Outlines from {@code data/boundaries/china_provinces.geojson} (echarts 4.9.0's map,
 * Apache-2.0; see its README), drawn in a plain longitude/latitude projection stretched by 1.2,
 * enough for a locator map.
 */
public final class ChinaMap {
  public static final String FILE = "data/boundaries/china_provinces.geojson";
  private static final double WIDTH = 320;
  private final List<Province> provinces;
  private final double[] box;

  private record Province(String code, String name, List<List<double[]>> rings) {}

  private ChinaMap(List<Province> provinces, double[] box) {
    this.provinces = provinces;
    this.box = box;
  }

  /** The outlines under the project home, or empty when the file is not there (a packaged home). */
  public static Optional<ChinaMap> load(Path home) {
    Path file = home.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JsonFiles.MAPPER.readTree(file.toFile());
      List<Province> out = new ArrayList<>();
      double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
      for (JsonNode feature : root.get("features")) {
        JsonNode geometry = feature.get("geometry");
        List<JsonNode> polygons = new ArrayList<>();
        if (geometry.get("type").asText().equals("MultiPolygon")) {
          geometry.get("coordinates").forEach(polygons::add);
        } else {
          polygons.add(geometry.get("coordinates"));
        }
        List<List<double[]>> rings = new ArrayList<>();
        for (JsonNode polygon : polygons) {
          List<double[]> ring = new ArrayList<>();
          for (JsonNode point : polygon.get(0)) {
            double x = point.get(0).asDouble();
            double y = point.get(1).asDouble();
            ring.add(new double[] {x, y});
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
          }
          rings.add(ring);
        }
        out.add(
            new Province(
                feature.at("/properties/code").asText(),
                feature.at("/properties/name").asText(),
                rings));
      }
      return Optional.of(new ChinaMap(out, box));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The map with the province of a division code (its first two digits) highlighted; "" if none is.
   */
  public String highlighting(String divisionCode) {
    if (divisionCode == null || divisionCode.length() < 2) {
      return "";
    }
    String province = divisionCode.substring(0, 2) + "0000";
    if (provinces.stream().noneMatch(p -> p.code().equals(province))) {
      return "";
    }
    return draw(
        province,
        p -> p.code().equals(province) ? "fill=\"#cf222e\" data-here=\"true\"" : "fill=\"#d7dde6\"",
        Province::name);
  }

  /**
   * Each province filled with the colour given for its division code ({@code 330000}), the others
   * grey; a province's tooltip is the title given for it, else its name.
   */
  public String filled(Map<String, String> colours, Map<String, String> titles, String label) {
    return draw(
        label,
        p -> "fill=\"" + escapeHtml4(colours.getOrDefault(p.code(), "#eef0f3")) + "\"",
        p -> titles.getOrDefault(p.code(), p.name()));
  }

  /**
   * @param attributes a province's fill (and any marker attribute), as SVG attributes
   */
  private String draw(
      String label, Function<Province, String> attributes, Function<Province, String> title) {
    double scale = WIDTH / (box[2] - box[0]);
    double height = (box[3] - box[1]) * scale * 1.2;
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg class=\"map\" width=\"%.0f\" height=\"%.0f\""
                    + " viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">",
                WIDTH,
                height,
                WIDTH,
                height,
                escapeHtml4(label)));
    for (Province p : provinces) {
      svg.append("<path ")
          .append(attributes.apply(p))
          .append(" stroke=\"#fff\" stroke-width=\"0.5\" d=\"");
      for (List<double[]> ring : p.rings()) {
        for (int i = 0; i < ring.size(); i++) {
          svg.append(i == 0 ? 'M' : 'L')
              .append(
                  String.format(
                      Locale.ROOT,
                      "%.1f,%.1f ",
                      (ring.get(i)[0] - box[0]) * scale,
                      (box[3] - ring.get(i)[1]) * scale * 1.2));
        }
        svg.append("Z ");
      }
      svg.append("\"><title>").append(escapeHtml4(title.apply(p))).append("</title></path>");
    }
    return svg.append("</svg>").toString();
  }
}
