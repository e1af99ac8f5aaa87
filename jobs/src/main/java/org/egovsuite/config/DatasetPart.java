package org.egovsuite.config;

import java.io.Serializable;
import java.util.Map;

/**
 * One part of a dataset made of files whose headers changed over time (a later edition renamed and
 * reordered its columns): its own location and, for the columns whose header text differs, that
 * text. Every part is read into the same columns and the parts are unioned.
 *
 * @param location a path or glob, resolved like the dataset's
 * @param sources column name → header text in this part's files; columns not listed keep the
 *     definition's {@code source}
 */
public record DatasetPart(String location, Map<String, String> sources) implements Serializable {}
