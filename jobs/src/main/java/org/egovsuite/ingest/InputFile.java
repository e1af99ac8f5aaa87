package org.egovsuite.ingest;

import java.io.Serializable;

/**
 * One file matched by a dataset's location, with its size and SHA-256 (null between listing and
 * checksumming, see {@link InputFiles#find}).
 */
public record InputFile(String path, long bytes, String sha256) implements Serializable {}
