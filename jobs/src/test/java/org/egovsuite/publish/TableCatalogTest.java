package org.egovsuite.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.egovsuite.config.ConfigException;
import org.egovsuite.config.RunProfile;
import org.egovsuite.config.RunProfileLoader;
import org.egovsuite.testing.Projects;
import org.egovsuite.warehouse.TableCatalog;
import org.egovsuite.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Iceberg catalog a warehouse's tables go to: its own by default, a profile's when it names
 * one.
 */
class TableCatalogTest {
  @TempDir Path dir;

  @Test
  void aLocalWarehouseHasItsOwnSqliteCatalogAndARemoteOneAHadoopCatalog() {
    assertThat(TableCatalog.properties("/data/wh", Map.of()))
        .containsEntry("type", "jdbc")
        .containsEntry("uri", "jdbc:sqlite:/data/wh/catalog.db")
        .containsEntry("warehouse", "/data/wh/tables")
        .containsEntry("jdbc.journal_mode", "WAL");
    assertThat(TableCatalog.properties("file:///data/wh/", Map.of()))
        .containsEntry("uri", "jdbc:sqlite:/data/wh/catalog.db");
    assertThat(TableCatalog.properties("hdfs://nn:8020/egov/wh", Map.of()))
        .containsOnly(
            Map.entry("type", "hadoop"), Map.entry("warehouse", "hdfs://nn:8020/egov/wh/tables"));
  }

  @Test
  void aProfileNamesAnyCatalogByIcebergsProperties() {
    Path home = Projects.copyConfig(dir);
    Projects.write(
        home.resolve("conf/profiles/metastore.yaml"),
        """
        warehouse: hdfs://nn:8020/egov/wh
        catalog:
          type: hive
          uri: thrift://metastore:9083
        """);
    RunProfile profile = RunProfileLoader.load(home, "metastore");
    assertThat(TableCatalog.properties(profile.warehouse(), profile.catalog()))
        .containsOnly(Map.entry("type", "hive"), Map.entry("uri", "thrift://metastore:9083"));

    Projects.write(
        home.resolve("conf/profiles/typeless.yaml"), "catalog:\n  uri: thrift://metastore:9083\n");
    assertThatThrownBy(() -> RunProfileLoader.load(home, "typeless"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("typeless.yaml:2 key 'catalog'")
        .hasMessageContaining("a catalog needs a type: jdbc, hadoop, hive or rest");
  }

  @Test
  void tablesOtherTeamsKeepInTheNamespaceAreNeitherListedNorChanged() {
    try (Warehouse warehouse =
        new Warehouse(dir.resolve("wh").toString(), new org.apache.hadoop.conf.Configuration())) {
      TableCatalog catalog = warehouse.catalog();
      catalog.ensureNamespace();
      org.apache.iceberg.Schema schema =
          new org.apache.iceberg.Schema(
              org.apache.iceberg.types.Types.NestedField.optional(
                  1, "x", org.apache.iceberg.types.Types.IntegerType.get()));
      catalog.iceberg().createTable(TableCatalog.id("budget_lines"), schema);
      catalog.iceberg().createTable(TableCatalog.id("egdi_country"), schema);

      assertThat(catalog.tables()).isEmpty();
      assertThatThrownBy(() -> catalog.load("egdi_country"))
          .hasMessage(
              "table egov.egdi_country was not created by "
                  + "egov (it lacks the table property egov.created-by); egov does not change tables it did not create");
      assertThat(catalog.iceberg().tableExists(TableCatalog.id("budget_lines"))).isTrue();
    }
  }

  @Test
  void theIndicatorStagesThreadsCreateTheNamespaceOnce() throws Exception {
    try (Warehouse warehouse =
        new Warehouse(dir.resolve("wh").toString(), new org.apache.hadoop.conf.Configuration())) {
      TableCatalog catalog = warehouse.catalog();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          all.add(pool.submit(catalog::ensureNamespace));
        }
        for (java.util.concurrent.Future<?> f : all) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(
              ((org.apache.iceberg.catalog.SupportsNamespaces) catalog.iceberg()).listNamespaces())
          .containsExactly(org.apache.iceberg.catalog.Namespace.of("egov"));
    }
  }
}
