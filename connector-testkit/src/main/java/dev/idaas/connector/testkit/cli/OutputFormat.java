package dev.idaas.connector.testkit.cli;

/** How a command prints its result on standard output. */
enum OutputFormat {
  /** Lines for a person. */
  TEXT,
  /** JSON for a script: one object (or one array) on standard output, nothing else there. */
  JSON
}
