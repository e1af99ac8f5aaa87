package org.egovsuite.config;

import java.util.List;

/**
 * Settings of the UN EGDI indicator job: its input dataset, ranking method and groups. Bands
 * are ordered from the highest {@code min} down; the lowest band should start at the lowest
 * possible value.
 */
public record EgdiIndicatorConfig(String dataset, RankingMethod ranking, List<Band> bands) {}
