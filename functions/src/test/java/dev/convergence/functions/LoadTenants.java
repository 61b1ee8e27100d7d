package dev.convergence.functions;

import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration of many enterprise tenants and one pipeline, for load tests and benchmarks. */
final class LoadTenants {

  private LoadTenants() {}

  /** Writes tenants {@code <prefix>_0} to {@code <prefix>_<count-1>} and pipeline aws-cur. */
  static Path write(Path root, String prefix, int count) throws Exception {
    Path pipelines = Files.createDirectories(root.resolve("pipelines"));
    Path tenants = Files.createDirectories(root.resolve("tenants"));
    Files.writeString(
        pipelines.resolve("aws-cur.yaml"),
        "name: aws-cur\nprovider: aws\nsource_format: aws-cur-legacy-csv\n");
    for (int t = 0; t < count; t++) {
      String id = prefix + "_" + t;
      Files.writeString(
          tenants.resolve(id + ".yaml"),
          "id: "
              + id
              + "\ndisplay_name: Load "
              + t
              + "\nstatus: active\nplan: enterprise\nproviders:\n  - provider: aws\n"
              + "    billing_accounts: [\""
              + String.format("1000%08d", t)
              + "\"]\n    landing_prefix: landing/"
              + id
              + "/aws/\n");
    }
    return root;
  }

  /** A run request for request {@code index} of tenant {@code <prefix>_<tenant>}. */
  static String request(String prefix, int tenant, int index) {
    return "{\"tenant_id\":\""
        + prefix
        + "_"
        + tenant
        + "\",\"pipeline\":\"aws-cur\",\"billing_period\":\"2026-10\","
        + "\"trigger\":\"manual\",\"request_id\":\""
        + prefix
        + "-"
        + tenant
        + "-"
        + index
        + "\"}";
  }
}
