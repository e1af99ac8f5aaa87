package org.egovsuite.ingest;

import java.io.Serializable;

/**
 * One file matched by a dataset's location, with its size, SHA-256 and physical line count (null
 * and -1 between listing and checksumming, see {@link InputFiles#find}).
 *
 * @param lines newlines (LF, CRLF or a lone CR) plus a last line without one, counted in the same
 *     pass as the checksum; -1 where lines are not counted (see {@link LineCounter})
 */
public record InputFile(String path, long bytes, String sha256, long lines)
    implements Serializable {}
