package dev.idaas.connector.testkit.host;

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

/**
 * The provider of {@link InMemoryDirectoryConnector}. Its parameters: {@code domain} (the target, a
 * mail domain), {@code apiKey} (a secret) and {@code label} (free text that does not identify the
 * target).
 */
final class InMemoryDirectoryProvider implements ConnectorProvider {

  static final String ID = "in-memory";

  private final InMemoryTarget target;
  private final Set<Capability> capabilities;
  private final String spiVersion;

  InMemoryDirectoryProvider(InMemoryTarget target) {
    this(target, EnumSet.allOf(Capability.class), SpiVersion.CURRENT);
  }

  InMemoryDirectoryProvider(
      InMemoryTarget target, Set<Capability> capabilities, String spiVersion) {
    this.target = target;
    this.capabilities = Set.copyOf(capabilities);
    this.spiVersion = spiVersion;
  }

  @Override
  public String spiVersion() {
    return spiVersion;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return new ConnectorDescriptor(
        ID,
        LocalizedText.of("In-memory directory", "内存目录"),
        "1.0",
        capabilities,
        List.of(
            ParameterSpec.builder("domain", ParameterType.MAIL_DOMAIN)
                .required()
                .label("Mail domain", "邮件域名")
                .description("The target's mail domain.", "目标的邮件域名。")
                .group("connection")
                .order(1)
                .build(),
            ParameterSpec.builder("apiKey", ParameterType.SECRET)
                .required()
                .label("API key", "API 密钥")
                .description("The key to sign in with.", "登录用的密钥。")
                .group("connection")
                .order(2)
                .build(),
            ParameterSpec.builder("label", ParameterType.TEXT)
                .label("Label", "标签")
                .description("A note for people.", "给人看的备注。")
                .group("display")
                .order(3)
                .build()),
        0);
  }

  @Override
  public Connector open(ConnectorConfig config, ConnectorContext context) {
    return new InMemoryDirectoryConnector(target, context);
  }
}
