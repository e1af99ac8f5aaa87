package org.egovsuite.ingest;

/** Per input file: rows read = rows accepted + rows quarantined. */
public record FileAccount(String file, String sha256, long bytes, long rowsRead, long rowsAccepted,
    long rowsQuarantined) {}
