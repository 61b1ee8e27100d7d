package dev.convergence.flink;

import dev.convergence.flink.args.JobArguments;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/** The job-level Flink configuration the arguments ask for. */
public final class JobEnvironment {

  private JobEnvironment() {}

  public static Configuration configuration(JobArguments args) {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, args.runtimeMode().flinkMode());
    conf.set(CoreOptions.DEFAULT_PARALLELISM, args.parallelism());
    conf.set(StateBackendOptions.STATE_BACKEND, args.stateBackend().flinkName());
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, args.checkpointInterval());
    conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    if (args.checkpointDir() != null) {
      // Checkpoints of any size go to files; the JobManager's memory takes only a few MB.
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, args.checkpointDir());
    }
    return conf;
  }
}
