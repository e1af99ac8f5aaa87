package org.egovsuite.publish.brief;

import java.util.List;

/** Lists of names as each language writes them in a sentence. */
final class Names {
  private Names() {}

  /** 浙江省、江苏省、湖南省、四川省和湖北省 */
  static String zh(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join("、", names.subList(0, names.size() - 1)) + "和" + names.get(names.size() - 1);
  }

  /** "A, B and C" */
  static String en(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  /**
   * The short form the report uses in running text: 西藏 for 西藏自治区, 重庆 for 重庆市, 浙江 for 浙江省, 广西 for
   * 广西壮族自治区.
   */
  static String shortName(String name) {
    String shorter = name.replaceFirst("(壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$", "");
    return shorter.isEmpty() ? name : shorter;
  }
}
