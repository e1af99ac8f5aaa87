package org.egovsuite.spark;

/** What the CLI knows about the session it needs. */
public record SessionSettings(String master, String appName, boolean showProgress) {}
