package org.egovsuite.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.egovsuite.config.ColumnSpec;
import org.egovsuite.config.ColumnType;
import org.egovsuite.config.DatasetDefinition;
import org.egovsuite.config.ReferencePaths;
import org.egovsuite.config.SourceFormat;
import org.egovsuite.testing.Projects;
import org.egovsuite.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTest.class)
class StandardizerTest {
  private final SparkSession spark;

  StandardizerTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void foldsWidthDropsInvisiblesTrimsAndKeepsTheRawValue() {
    assertThat(TextFolding.nfkc("Ｉｒａｑ\u200B　")).isEqualTo("Iraq ");
    assertThat(TextFolding.nfkc("２０１６年")).isEqualTo("2016年");
    assertThat(TextFolding.nfkc(null)).isNull();

    DatasetDefinition d =
        new DatasetDefinition(
            "t",
            "",
            "t.yaml",
            "x",
            SourceFormat.csv("utf-8", 0),
            List.of(
                new ColumnSpec("Name", "name", ColumnType.STRING),
                new ColumnSpec("V", "v", ColumnType.INT)),
            List.of(),
            null,
            Map.of(),
            List.of(),
            Map.of("name", List.of("nfkc", "trim")),
            Map.of("zero", "v = 0", "big", "v > 100"));
    StructType schema =
        new StructType().add("name", DataTypes.StringType).add("v", DataTypes.IntegerType);
    List<Row> out =
        Standardizer.apply(
                spark.createDataFrame(
                    List.of(RowFactory.create(" Ｉｒａｑ ", 0), RowFactory.create(null, 5)), schema),
                d,
                new ReferenceData(ReferencePaths.defaults(Projects.home())))
            .collectAsList();

    assertThat(out.get(0).<String>getAs("name")).isEqualTo("Iraq");
    assertThat(out.get(0).<String>getAs("name_raw")).isEqualTo(" Ｉｒａｑ ");
    assertThat(out.get(0).getList(out.get(0).fieldIndex("row_flags"))).containsExactly("zero");
    assertThat(out.get(1).<Object>getAs("name")).isNull();
    assertThat(out.get(1).getList(out.get(1).fieldIndex("row_flags"))).isEmpty();
  }
}
