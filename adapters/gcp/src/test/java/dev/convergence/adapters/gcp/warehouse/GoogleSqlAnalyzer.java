package dev.convergence.adapters.gcp.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLType.TypeKind;
import dev.convergence.core.warehouse.Column;
import dev.convergence.core.warehouse.TableSchema;
import dev.convergence.core.warehouse.WarehouseTables;
import java.util.ArrayList;
import java.util.List;

/**
 * Google's SQL analyser (ZetaSQL, the front end of BigQuery's GoogleSQL), run offline through its
 * bundled native library: resolves each statement of a query job against a catalog of the
 * warehouse's tables with the job's own query parameters, so a statement BigQuery would refuse (a
 * DuckDB-only construct, an unknown column, a type mismatch, a parameter of the wrong type) fails
 * the test here instead.
 */
final class GoogleSqlAnalyzer {

  private final SimpleCatalog root = new SimpleCatalog("root");
  private final SimpleCatalog project;
  private final LanguageOptions language = new LanguageOptions();
  private final java.util.Map<String, SimpleCatalog> datasets = new java.util.HashMap<>();

  GoogleSqlAnalyzer(String projectId) {
    language.enableMaximumLanguageFeatures();
    language.setSupportsAllStatementKinds();
    root.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
    project = root.addNewSimpleCatalog(projectId);
  }

  /** Adds {@code tables} to {@code dataset}, named as given. */
  GoogleSqlAnalyzer dataset(String dataset, List<TableSchema> tables, List<String> names) {
    SimpleCatalog catalog = datasets.computeIfAbsent(dataset, project::addNewSimpleCatalog);
    for (int i = 0; i < tables.size(); i++) {
      SimpleTable table = new SimpleTable(names.get(i));
      for (Column column : tables.get(i).columns()) {
        table.addSimpleColumn(column.name(), type(column));
      }
      catalog.addSimpleTable(table);
    }
    return this;
  }

  /** The tenant tables and the staging tables of {@code runId} in {@code dataset}. */
  GoogleSqlAnalyzer tenant(String dataset, String runId) {
    List<String> names = new ArrayList<>();
    List<String> staging = new ArrayList<>();
    for (TableSchema table : WarehouseTables.TENANT_TABLES) {
      names.add(table.name());
      staging.add(BigQueryWarehouse.stagingTable(runId, table));
    }
    dataset(dataset, WarehouseTables.TENANT_TABLES, names);
    return dataset(dataset, WarehouseTables.TENANT_TABLES, staging);
  }

  GoogleSqlAnalyzer ops() {
    return dataset(
        WarehouseTables.OPS_DATASET,
        WarehouseTables.OPS_TABLES,
        WarehouseTables.OPS_TABLES.stream().map(TableSchema::name).toList());
  }

  /**
   * Analyses every statement of a query job's configuration ({@code configuration.query}),
   * declaring its named parameters with their types; throws {@code SqlException} at the first
   * statement BigQuery's dialect does not accept.
   *
   * @return the analysed statements' kinds, in order
   */
  List<String> analyse(JsonNode queryConfiguration) {
    AnalyzerOptions options = new AnalyzerOptions();
    options.setLanguageOptions(language);
    for (JsonNode parameter : queryConfiguration.path("queryParameters")) {
      options.addQueryParameter(
          parameter.path("name").asText(), parameterType(parameter.path("parameterType")));
    }
    List<String> kinds = new ArrayList<>();
    for (String statement : queryConfiguration.path("query").asText().split(";\n")) {
      String text =
          statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
      kinds.add(Analyzer.analyzeStatement(text, options, root).nodeKindString());
    }
    return kinds;
  }

  private static Type parameterType(JsonNode type) {
    String name = type.path("type").asText();
    if (name.equals("ARRAY")) {
      return TypeFactory.createArrayType(parameterType(type.path("arrayType")));
    }
    return TypeFactory.createSimpleType(
        switch (name) {
          case "STRING" -> TypeKind.TYPE_STRING;
          case "INT64" -> TypeKind.TYPE_INT64;
          case "BIGNUMERIC" -> TypeKind.TYPE_BIGNUMERIC;
          case "TIMESTAMP" -> TypeKind.TYPE_TIMESTAMP;
          case "DATE" -> TypeKind.TYPE_DATE;
          case "BOOL" -> TypeKind.TYPE_BOOL;
          default -> throw new IllegalArgumentException("parameter type " + name);
        });
  }

  private static Type type(Column column) {
    return TypeFactory.createSimpleType(
        switch (column.type()) {
          case STRING -> TypeKind.TYPE_STRING;
          case INT64 -> TypeKind.TYPE_INT64;
          case DECIMAL -> TypeKind.TYPE_BIGNUMERIC;
          case TIMESTAMP -> TypeKind.TYPE_TIMESTAMP;
          case DATE -> TypeKind.TYPE_DATE;
          case BOOL -> TypeKind.TYPE_BOOL;
        });
  }
}
