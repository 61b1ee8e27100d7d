package dev.convergence.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convergence.flink.FocusJob;
import dev.convergence.functions.AdmitRun;
import dev.convergence.functions.InProcessHttp;
import dev.convergence.stages.StageArguments;
import dev.convergence.workflows.LocalStages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow's outside calls, answered on one machine: AdmitRun is the real function called
 * in-process, each Cloud Run job is its stage's entry point run in this JVM with the overrides the
 * workflow gives plus what Terraform would set, and the Flink job runs on a MiniCluster with its
 * {@code gs://local-store/} URIs mapped into the local store.
 */
public final class LocalPipeline implements LocalStages {

  private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalDeployment deployment;
  private final AdmitRun admitRun;
  private final Map<String, Function<String[], Integer>> jobs;

  /**
   * @param jobs each Cloud Run job's entry point by job name ({@code convergence-ingest}, …): it
   *     takes the stage's arguments and returns its exit code
   */
  public LocalPipeline(
      LocalDeployment deployment,
      AdmitRun admitRun,
      Map<String, Function<String[], Integer>> jobs) {
    this.deployment = deployment;
    this.admitRun = admitRun;
    this.jobs = Map.copyOf(jobs);
  }

  /** The workflow's environment on one machine: the names Terraform gives the cloud resources. */
  public static Map<String, String> workflowEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GOOGLE_CLOUD_PROJECT_ID", "local");
    env.put("GOOGLE_CLOUD_LOCATION", "local");
    env.put("GOOGLE_CLOUD_WORKFLOW_ID", "pipeline-run");
    env.put("CONVERGENCE_ADMIT_RUN_URL", "http://localhost/admit-run");
    for (String stage : List.of("INGEST", "CHECK", "PUBLISH", "FINALIZE")) {
      env.put("CONVERGENCE_" + stage + "_JOB", "convergence-" + stage.toLowerCase());
    }
    env.put("CONVERGENCE_STAGING_BUCKET", LocalDeployment.STORE_BUCKET);
    env.put("CONVERGENCE_GKE_CLUSTER", "projects/local/locations/local/clusters/local");
    env.put("CONVERGENCE_FLINK_NAMESPACE", "flink");
    env.put("CONVERGENCE_FLINK_REST_URL", "http://localhost:8081");
    return env;
  }

  @Override
  public HttpAnswer admit(Map<String, Object> body) {
    try {
      InProcessHttp.Response answer = new InProcessHttp.Response();
      admitRun.service(InProcessHttp.post("/admit-run", JSON.writeValueAsBytes(body)), answer);
      byte[] bytes = answer.body();
      Object decoded = bytes.length == 0 ? null : JSON.readValue(bytes, Object.class);
      return new HttpAnswer(answer.status(), decoded);
    } catch (Exception e) {
      throw new IllegalStateException("AdmitRun failed in-process: " + e.getMessage(), e);
    }
  }

  @Override
  public int runJob(String job, Map<String, String> env) {
    Function<String[], Integer> entry = jobs.get(job);
    if (entry == null) {
      throw new IllegalArgumentException(
          "no Cloud Run job " + job + " on this machine; known: " + jobs.keySet());
    }
    Map<String, String> environment = new LinkedHashMap<>(deployment.stageEnvironment());
    environment.putAll(env);
    String[] args = StageArguments.fromEnvironment(environment).toArray(String[]::new);
    log.info("running job {} {}", job, String.join(" ", args));
    return entry.apply(args);
  }

  @Override
  public int runFlinkJob(List<String> arguments) {
    List<String> args = new ArrayList<>();
    String runId = "run";
    for (int i = 0; i < arguments.size(); i++) {
      String arg = deployment.localUri(arguments.get(i));
      if (i > 0 && arguments.get(i - 1).equals("--run-id")) {
        runId = arg;
      }
      args.add(arg);
    }
    // What the session cluster's configuration gives a submitted job in the cloud.
    args.addAll(
        List.of(
            "--checkpoint-dir",
            deployment.checkpoints().resolve(runId).toUri().toString(),
            "--checkpoint-interval",
            "5s"));
    log.info("running the FOCUS job on a MiniCluster: {}", String.join(" ", args));
    return FocusJob.execute(args.toArray(String[]::new));
  }
}
