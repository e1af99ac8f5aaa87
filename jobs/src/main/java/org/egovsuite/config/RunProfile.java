package org.egovsuite.config;

import java.util.Map;

/**
 * An environment profile, {@code conf/profiles/<name>.yaml}: where runs go and how Spark is set
 * up there (local machine, cluster). Any field may be absent (null / empty).
 *
 * @param spark Spark settings ({@code spark.executor.memory: 4g}, {@code fs.s3a.endpoint: …})
 */
public record RunProfile(String name, String file, String master, String warehouse, Map<String, String> spark) {}
