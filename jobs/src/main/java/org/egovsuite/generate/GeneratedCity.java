package org.egovsuite.generate;

import java.io.Serializable;

/**
 * A prefecture-level unit the generator writes about: its 6-digit division code and standard name,
 * province, tier and region ({@code conf/reference/cn_city_tiers.csv}), 2020 census population, and
 * a latent e-government capability in [0, 1] that the generated features of each year follow (with
 * noise), so the city index has a signal to find.
 */
public record GeneratedCity(
    String code,
    String name,
    String province,
    String tier,
    String region,
    long population,
    double[] capability)
    implements Serializable {

  /** Capability in year index {@code y} (0 = the first generated year). */
  public double capability(int y) {
    return capability[y];
  }
}
