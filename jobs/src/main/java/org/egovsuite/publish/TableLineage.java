package org.egovsuite.publish;

import java.util.List;
import org.egovsuite.ingest.FileAccount;
import org.egovsuite.quality.RuleResult;

/**
 * {@code tables/<table>/<version>/_lineage.json}: where every figure of one table version comes
 * from — the run, the input files with their checksums, the quality results that admitted them,
 * the code and configuration used — and a hash of its content.
 *
 * @param contentSha256 SHA-256 over the rows in file order (each row as Spark's JSON), so two
 *     versions with equal hashes hold the same figures whatever their files' metadata says
 * @param configSha256 SHA-256 over every file of {@code conf/} and the rules directory
 * @param inputs the datasets the table is computed from, directly or through other tables
 */
public record TableLineage(
    String table,
    String version,
    String runId,
    String publishedAt,
    String codeVersion,
    String configSha256,
    String ingestRunId,
    String qualityRunId,
    String indicatorsRunId,
    long rows,
    List<String> columns,
    String contentSha256,
    List<Input> inputs) {

  /** One input dataset: its files and the quality run's verdict and rule results. */
  public record Input(String dataset, String verdict, long rowsChecked, long rowsAdmitted, long rowsQuarantined,
      List<FileAccount> files, List<RuleResult> rules) {}
}
