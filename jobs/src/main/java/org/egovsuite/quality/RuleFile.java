package org.egovsuite.quality;

import java.util.List;

/** The validated rules of one dataset. */
public record RuleFile(String path, String dataset, List<Rule> rules) {}
