package org.egovsuite.spark;

import java.util.Map;

/**
 * What the CLI knows about the session it needs.
 *
 * @param master null: the master spark-submit set
 * @param conf Spark settings from the profile, the job config and the command line
 */
public record SessionSettings(
    String master, String appName, boolean showProgress, Map<String, String> conf) {}
