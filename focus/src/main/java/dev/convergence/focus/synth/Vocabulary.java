package dev.convergence.focus.synth;

/** The services, regions and tag values generated rows draw from, per provider. */
final class Vocabulary {

  private Vocabulary() {}

  static final String[][] AWS_SERVICES = {
    {"AmazonEC2", "Amazon Elastic Compute Cloud", "Hrs"},
    {"AmazonS3", "Amazon Simple Storage Service", "GB-Mo"},
    {"AmazonRDS", "Amazon Relational Database Service", "Hrs"},
    {"AWSLambda", "AWS Lambda", "Lambda-GB-Second"},
    {"AmazonCloudWatch", "AmazonCloudWatch", "Metrics"},
    {"AmazonDynamoDB", "Amazon DynamoDB", "ReadRequestUnits"},
    {"AWSDataTransfer", "AWS Data Transfer", "GB"},
    {"AmazonEKS", "Amazon Elastic Container Service for Kubernetes", "Hours"},
    {"AmazonSageMaker", "Amazon SageMaker", "Hrs"},
    {"AmazonNewThing", "Amazon Service Not In The Table", "Units"}
  };

  static final String[] AWS_REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "ca-central-1"};

  static final String[][] AZURE_SERVICES = {
    {"Virtual Machines", "Microsoft.Compute", "1 Hour"},
    {"Storage", "Microsoft.Storage", "1 GB/Month"},
    {"Virtual Network", "Microsoft.Network", "1 GB"},
    {"SQL Database", "Microsoft.Sql", "1 Hour"},
    {"Azure App Service", "Microsoft.Web", "1 Hour"},
    {"Event Hubs", "Microsoft.EventHub", "1M"},
    {"Azure Cosmos DB", "Microsoft.DocumentDB", "100 RU/s"},
    {"Unlisted Meter Category", "Microsoft.Unlisted", "1"}
  };

  static final String[] AZURE_REGIONS = {"westeurope", "eastus", "CentralUS", "uksouth"};

  static final String[][] GCP_SERVICES = {
    {"6F81-5844-456A", "Compute Engine", "hour"},
    {"95FF-2EF5-5EA1", "Cloud Storage", "gibibyte month"},
    {"24E6-581D-38E5", "BigQuery", "tebibyte"},
    {"152E-C115-5142", "Cloud Run", "vCPU-second"},
    {"9662-B51E-5089", "Cloud SQL", "hour"},
    {"A1A1-0000-FFFF", "Service Missing From The Table", "count"}
  };

  static final String[] GCP_REGIONS = {"europe-west1", "us-central1", "asia-northeast1"};

  /** Tag values with the characters that break naive CSV and JSON handling. */
  static final String[] TEAMS = {
    "payments", "Zürich, payments", "data \"lake\"", "東京-infra", "ops; on-call", "ml/vision"
  };

  static final String[] ENVIRONMENTS = {"prod", "staging", "dev"};
}
