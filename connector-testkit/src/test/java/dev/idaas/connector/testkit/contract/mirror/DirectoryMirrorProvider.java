package dev.idaas.connector.testkit.contract.mirror;

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
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The directory mirror: a connector that keeps a copy of the host's tree and accounts in an
 * in-memory {@link MirrorDirectory}. It proves the SPI is not tied to Alibaba Mail, and is the
 * worked example of {@code docs/writing-a-connector.md}.
 */
public final class DirectoryMirrorProvider implements ConnectorProvider {

  public static final String ID = "directory-mirror";

  static final String DIRECTORY = "directory";
  static final String API_KEY = "apiKey";
  static final String REVOCATION = "revocation";
  static final String REQUESTS_PER_SECOND = "requestsPerSecond";

  private final Set<Capability> capabilities;
  private final BiFunction<ConnectorConfig, ConnectorContext, Connector> opener;

  /** The provider {@code ServiceLoader} makes. */
  public DirectoryMirrorProvider() {
    this(EnumSet.allOf(Capability.class), DirectoryMirrorConnector::new);
  }

  /** A provider declaring other capabilities, or opening other connectors; for the kit's tests. */
  DirectoryMirrorProvider(
      Set<Capability> capabilities,
      BiFunction<ConnectorConfig, ConnectorContext, Connector> opener) {
    this.capabilities = Set.copyOf(capabilities);
    this.opener = opener;
  }

  @Override
  public String spiVersion() {
    return SpiVersion.CURRENT;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return new ConnectorDescriptor(
        ID,
        LocalizedText.of("Directory mirror", "目录镜像"),
        "1.0.0",
        capabilities,
        List.of(
            ParameterSpec.builder(DIRECTORY, ParameterType.TEXT)
                .required()
                .pattern("[a-z][a-z0-9-]{0,39}")
                .label("Mirror directory", "镜像目录")
                .description(
                    "The name of the mirror directory to write into, such as hr-copy.",
                    "要写入的镜像目录名称，例如 hr-copy。")
                .group("connection")
                .order(10)
                .build(),
            ParameterSpec.builder(API_KEY, ParameterType.SECRET)
                .required()
                .maxLength(64)
                .label("API key", "API 密钥")
                .description(
                    "The key the mirror directory accepts. It is never shown or logged.",
                    "镜像目录接受的密钥。该值不会被显示或写入日志。")
                .group("connection")
                .order(20)
                .build(),
            ParameterSpec.builder(REVOCATION, ParameterType.ENUM)
                .allowedValues("disable", "delete")
                .defaultValue("disable")
                .label("When an account is revoked", "账号收回时")
                .description(
                    "disable keeps a revoked account but blocks it; delete removes it.",
                    "disable 保留被收回的账号但将其停用；delete 将其删除。")
                .group("policy")
                .order(30)
                .build(),
            ParameterSpec.builder(REQUESTS_PER_SECOND, ParameterType.INTEGER)
                .range(0L, 1000L)
                .defaultValue("0")
                .label("Requests per second", "每秒请求数")
                .description(
                    "The most calls a second the mirror receives; 0 for no limit.",
                    "每秒发往镜像目录的最多调用次数；0 表示不限制。")
                .group("performance")
                .order(40)
                .build()),
        0);
  }

  @Override
  public Connector open(ConnectorConfig config, ConnectorContext context) {
    return opener.apply(config, context);
  }
}
