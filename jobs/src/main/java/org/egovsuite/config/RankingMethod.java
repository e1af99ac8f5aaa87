package org.egovsuite.config;

/**
 * How ties are ranked. COMPETITION is the UN's "1224" (rank = 1 + number strictly higher); DENSE
 * ("1223") is what Chinese provincial lists use.
 */
public enum RankingMethod {
  COMPETITION,
  DENSE;

  static RankingMethod parse(YamlNode node) {
    String v = node.asString().trim().toUpperCase(java.util.Locale.ROOT);
    for (RankingMethod m : values()) {
      if (m.name().equals(v)) {
        return m;
      }
    }
    throw node.error("unknown ranking '" + node.asString() + "'; valid: competition, dense");
  }
}
