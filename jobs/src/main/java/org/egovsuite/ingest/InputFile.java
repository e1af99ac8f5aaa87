package org.egovsuite.ingest;

import java.io.Serializable;

/** One file matched by a dataset's location, with its SHA-256 and size. */
public record InputFile(String path, long bytes, String sha256) implements Serializable {}
