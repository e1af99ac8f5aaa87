package org.egovsuite.pipeline;

import java.util.List;

/** One table written by the indicators stage or published by the publish stage. */
public record TableOutput(String name, String path, long rows, List<String> columns) {}
