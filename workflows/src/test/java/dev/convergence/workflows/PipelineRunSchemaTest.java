package dev.convergence.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code pipeline-run.yaml} against Google's published JSON Schema of Workflows files (copied into
 * the test resources with its licence): the syntax check the deployment would make first.
 */
class PipelineRunSchemaTest {

  private static JsonSchema schema() throws Exception {
    try (InputStream in =
        PipelineRunSchemaTest.class.getResourceAsStream("/schema/workflows.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private static JsonNode yaml(String text) throws Exception {
    return new YAMLMapper().readTree(text);
  }

  @Test
  void pipelineRunIsAValidWorkflowsFile() throws Exception {
    JsonNode file;
    try (InputStream in =
        PipelineRunSchemaTest.class.getResourceAsStream(WorkflowDefinition.PIPELINE_RUN_RESOURCE)) {
      file = new YAMLMapper().readTree(in);
    }

    Set<ValidationMessage> problems = schema().validate(file);

    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaCatchesAMisplacedKey() throws Exception {
    Set<ValidationMessage> problems =
        schema().validate(yaml("main:\n  steps:\n    - a:\n        asign:\n          - x: 1\n"));

    assertThat(problems).isNotEmpty();
  }
}
