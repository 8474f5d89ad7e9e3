package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.LocalizedText;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.ParameterType;
import dev.idaas.connector.api.SpiVersion;
import java.util.EnumSet;
import java.util.List;

/**
 * A provider for the command line's tests, registered in the test class path's service file: its
 * connector pushes into a {@link FakeTarget} found by the {@code endpoint} parameter, so separate
 * commands of one test reach the same target. One parameter of each type.
 */
public final class FakeDirectoryProvider implements ConnectorProvider {

  static final String ID = "fake-directory";

  @Override
  public String spiVersion() {
    return SpiVersion.CURRENT;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return new ConnectorDescriptor(
        ID,
        LocalizedText.of("Fake directory", "模拟目录"),
        "1.2.0",
        EnumSet.allOf(Capability.class),
        List.of(
            ParameterSpec.builder("endpoint", ParameterType.URL)
                .required()
                .label("Endpoint", "接入地址")
                .description("Where the fake target listens.", "模拟目标的地址。")
                .placeholder("http://127.0.0.1/fake", "http://127.0.0.1/fake")
                .group("connection")
                .order(10)
                .build(),
            ParameterSpec.builder("token", ParameterType.SECRET)
                .required()
                .maxLength(64)
                .label("Token", "令牌")
                .description("The token the fake target accepts.", "模拟目标接受的令牌。")
                .group("connection")
                .order(20)
                .build(),
            ParameterSpec.builder("domain", ParameterType.MAIL_DOMAIN)
                .required()
                .label("Mail domain", "邮件域名")
                .description("The domain of the accounts.", "账号的域名。")
                .group("connection")
                .order(30)
                .build(),
            ParameterSpec.builder("tenant", ParameterType.TEXT)
                .maxLength(20)
                .pattern("[a-z]+")
                .label("Tenant", "租户")
                .description("A tenant name in lower-case letters.", "小写字母的租户名。")
                .group("connection")
                .order(40)
                .build(),
            ParameterSpec.builder("pageSize", ParameterType.INTEGER)
                .defaultValue("50")
                .range(1L, 100L)
                .label("Page size", "每页条数")
                .description("Objects per call.", "每次调用的对象数。")
                .group("performance")
                .order(50)
                .build(),
            ParameterSpec.builder("revocation", ParameterType.ENUM)
                .defaultValue("disable")
                .allowedValues("disable", "delete")
                .label("Revocation", "收回方式")
                .description("What revoking an account does.", "收回账号时的处理。")
                .group("policy")
                .order(60)
                .build(),
            ParameterSpec.builder("readTimeout", ParameterType.DURATION)
                .defaultValue("10s")
                .label("Read timeout", "读取超时")
                .description("How long to wait for an answer.", "等待应答的时间。")
                .group("performance")
                .order(70)
                .build(),
            ParameterSpec.builder("verbatim", ParameterType.BOOLEAN)
                .defaultValue("false")
                .label("Keep names verbatim", "保留原名")
                .description("Whether names are sent as they are.", "是否按原样发送名称。")
                .group("mapping")
                .order(80)
                .build()),
        20);
  }

  @Override
  public Connector open(ConnectorConfig config, ConnectorContext context) {
    return new FakeDirectoryConnector(config, context);
  }
}
