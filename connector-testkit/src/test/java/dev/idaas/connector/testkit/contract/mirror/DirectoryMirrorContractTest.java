package dev.idaas.connector.testkit.contract.mirror;

import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.testkit.contract.ConnectorContractSuite;
import dev.idaas.connector.testkit.contract.ContractTarget;
import java.util.Map;

/** The directory mirror keeps the whole contract. */
class DirectoryMirrorContractTest extends ConnectorContractSuite {

  private final MirrorContractTarget target = new MirrorContractTarget("contract");

  @Override
  protected ConnectorProvider provider() {
    return new DirectoryMirrorProvider();
  }

  @Override
  protected ContractTarget target() {
    return target;
  }

  @Override
  protected Map<String, String> parameters() {
    return target.parameters();
  }
}
