package org.egovsuite.publish;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Analysts' SQL, checked with Spark's parser and no SparkSession: reads pass, anything else is
 * refused.
 */
class ReadOnlyQueryTest {
  private final ReadOnlyQuery check = new ReadOnlyQuery("egov");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM egov.egdi_summary",
        "select country_name, egdi from egdi_country where survey_year = 2022 order by egdi desc limit 5",
        "WITH t AS (SELECT * FROM egov.egdi_country) SELECT t.country_name FROM t JOIN egov.egdi_summary s"
            + " ON t.survey_year = s.survey_year WHERE t.egdi IN (SELECT max(egdi) FROM egov.egdi_country)",
        "SELECT survey_year, count(*) FROM egov.egdi_country GROUP BY survey_year HAVING count(*) > 1",
        "SELECT country_name, rank() OVER (PARTITION BY survey_year ORDER BY egdi DESC) FROM egov.egdi_country",
        "SELECT * FROM VALUES (1), (2) AS t(a)",
        "SELECT 1 UNION ALL SELECT 2",
        "SELECT * FROM egov.egdi_country VERSION AS OF 1",
        "SELECT * FROM spark_catalog.egov.egdi_country",
        "SELECT explode(array(1, 2))",
        "DESCRIBE egov.egdi_country",
        "DESCRIBE TABLE EXTENDED egov.egdi_country",
        "SHOW TABLES",
        "SHOW TABLES IN egov",
        "SHOW COLUMNS IN egov.egdi_country",
        "SHOW TBLPROPERTIES egov.egdi_country",
        "EXPLAIN SELECT * FROM egov.egdi_country",
        "SELECT '$5' AS price, '{not a variable}' AS text"
      })
  void acceptsQueries(String sql) {
    assertThatCode(() -> check.check(sql)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "INSERT OVERWRITE TABLE egov.egdi_summary SELECT * FROM egov.egdi_summary LIMIT 0 | INSERT (InsertIntoStatement) is not allowed",
        "INSERT INTO egov.egdi_summary SELECT * FROM egov.egdi_summary | INSERT (InsertIntoStatement) is not allowed",
        "INSERT OVERWRITE DIRECTORY '/tmp/x' SELECT 1 | INSERT (InsertIntoDir) is not allowed",
        "EXPLAIN INSERT INTO egov.egdi_summary SELECT 1 | INSERT (InsertIntoStatement) is not allowed",
        "SELECT * FROM text.`/etc/passwd` | 'text./etc/passwd' is not a published table",
        "SELECT * FROM egov.egdi_country WHERE egdi IN (SELECT * FROM csv.`/etc/passwd`) | 'csv./etc/passwd' is not a published table",
        "WITH t AS (SELECT * FROM parquet.`/tmp/x`) SELECT * FROM t | 'parquet./tmp/x' is not a published table",
        "DESCRIBE parquet.`/tmp/x` | 'parquet./tmp/x' is not a published table",
        "SELECT reflect('java.lang.System', 'getenv', 'HOME') | function reflect calls Java methods by name",
        "SELECT java_method('java.lang.System', 'exit', 0) | function java_method calls Java methods by name",
        "SELECT * FROM egov.egdi_country WHERE length(reflect('java.lang.Runtime', 'getRuntime')) > 0 | function reflect",
        "SELECT my_udf(1) | function my_udf is not one of Spark's built-in functions",
        "SELECT * FROM range(10) | a table-valued function is not allowed",
        "SELECT '${env:HOME}' = '/root' | '${' is not allowed in a query",
        "SET spark.sql.variable.substitute=true | SET (SetCommand) is not allowed",
        "ADD JAR /tmp/x.jar | ADD JARS (AddJarsCommand) is not allowed",
        "CACHE TABLE egov.egdi_country | CACHE TABLE (CacheTable) is not allowed",
        "DROP TABLE egov.egdi_country | DROP TABLE (DropTable) is not allowed",
        "CREATE TABLE t AS SELECT 1 | CREATE TABLE AS SELECT (CreateTableAsSelect) is not allowed",
        "DELETE FROM egov.egdi_country | DELETE FROM TABLE (DeleteFromTable) is not allowed",
        "SHOW TABLES IN default | namespace 'default' is not allowed",
        "SELEC 1 | not valid SQL"
      })
  void refusesWhatIsNotAQueryOfThePublishedTables(String sql, String reason) {
    assertThatThrownBy(() -> check.check(sql))
        .isInstanceOf(ReadOnlyQuery.QueryRefusedException.class)
        .hasMessageStartingWith("query refused: ")
        .hasMessageContaining(reason)
        .satisfies(
            e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
