package org.egovsuite.stage;

import org.apache.spark.sql.SparkSession;
import org.egovsuite.config.PipelineConfig;
import org.egovsuite.warehouse.Warehouse;

/** What every stage gets: the one SparkSession, the config, the warehouse and the run id. */
public record JobContext(
    SparkSession spark,
    PipelineConfig config,
    Warehouse warehouse,
    String runId,
    StageListener listener) {}
