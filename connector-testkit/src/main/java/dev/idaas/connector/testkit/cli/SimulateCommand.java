package dev.idaas.connector.testkit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code idaas-host simulate}: runs a target simulator as a server; only AliMail so far. */
@Command(
    name = "simulate",
    description = "Run a target simulator as a server on 127.0.0.1 until stopped.",
    footer = {"", "Exit codes: those of the simulator's command; 64 when no target is named."},
    subcommands = {SimulateAliMailCommand.class})
final class SimulateCommand implements Runnable {

  @ParentCommand IdaasHost host;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Say which target to simulate: 'idaas-host simulate alimail'.");
  }
}
