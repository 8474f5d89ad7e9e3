package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.contract.ConnectorContractSuite;
import dev.idaas.connector.testkit.contract.ContractTarget;
import dev.idaas.connector.testkit.contract.TargetAccount;
import dev.idaas.connector.testkit.contract.TargetDepartment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Alibaba Mail connector keeps the whole contract, against the AliMail simulator over HTTP. */
class AliMailContractTest extends ConnectorContractSuite {

  private final SimulatedAliMail target = new SimulatedAliMail();

  @Override
  protected ConnectorProvider provider() {
    return new AliMailProvider();
  }

  @Override
  protected ContractTarget target() {
    return target;
  }

  @Override
  protected Map<String, String> parameters() {
    Map<String, String> parameters = new HashMap<>(target.simulator.connectorParameters());
    // The simulator sets no budget: the most the connector allows keeps the suite quick.
    parameters.put("requestsPerSecond", "40");
    return parameters;
  }

  /** A fresh AliMail simulator for each test, read through its Java inspection methods. */
  private static final class SimulatedAliMail implements ContractTarget {
    private AliMailSimulator simulator;

    @Override
    public void reset() {
      close();
      simulator = AliMailSimulator.builder().seed(20_260_105L).start();
    }

    @Override
    public String rootDepartmentId() {
      return simulator.rootDepartmentId();
    }

    @Override
    public List<TargetDepartment> departments() {
      return simulator.departments().stream()
          .map(d -> new TargetDepartment(d.id(), d.parentId(), d.name()))
          .toList();
    }

    @Override
    public List<TargetAccount> accounts() {
      return simulator.accounts().stream()
          .map(a -> new TargetAccount(a.email(), a.departmentId(), !a.isFrozen()))
          .toList();
    }

    @Override
    public String createDepartment(String parentId, String name) {
      return simulator.createDepartment(parentId, name);
    }

    @Override
    public void createAccount(String key, String displayName, String departmentId) {
      simulator.createAccount(key, displayName, departmentId);
    }

    @Override
    public long writes() {
      return simulator.calls().writes();
    }

    @Override
    public Map<String, String> parametersWithWrongCredentials(Map<String, String> valid) {
      Map<String, String> wrong = new HashMap<>(valid);
      wrong.put("accessPassword", "not-the-access-password");
      return wrong;
    }

    @Override
    public String mailDomain() {
      return simulator.domain();
    }

    @Override
    public void close() {
      if (simulator != null) {
        simulator.close();
        simulator = null;
      }
    }
  }
}
