package dev.idaas.connector.testkit.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link DirectorySnapshot} in the snapshot format that {@link SnapshotReader} reads:
 * every field present (absent values as null), attributes sorted by name, UTF-8. What it writes
 * reads back to an equal snapshot.
 *
 * <p>Thread-safe.
 */
public final class SnapshotWriter {

  private final JsonFactory json = JsonFactory.builder().build();
  private final boolean pretty;

  private SnapshotWriter(boolean pretty) {
    this.pretty = pretty;
  }

  /** A writer that indents, for files people read. */
  public static SnapshotWriter pretty() {
    return new SnapshotWriter(true);
  }

  /** A writer that puts everything on one line, for storage. */
  public static SnapshotWriter compact() {
    return new SnapshotWriter(false);
  }

  /**
   * Writes the snapshot to a file, replacing it.
   *
   * @throws IOException if the file cannot be written
   */
  public void write(DirectorySnapshot snapshot, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(snapshot, out);
    }
  }

  /** Writes the snapshot as UTF-8; leaves the stream open. */
  public void write(DirectorySnapshot snapshot, OutputStream out) throws IOException {
    try (JsonGenerator generator = json.createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(snapshot, generator);
    }
  }

  /** The snapshot as a JSON text. */
  public String toJson(DirectorySnapshot snapshot) {
    Writer text = new StringWriter();
    try (JsonGenerator generator = json.createGenerator(text)) {
      write(snapshot, generator);
    } catch (IOException e) {
      // Defensive: a string writer does not fail.
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private void write(DirectorySnapshot snapshot, JsonGenerator generator) throws IOException {
    if (pretty) {
      generator.useDefaultPrettyPrinter();
    }
    generator.writeStartObject();
    generator.writeStringField("source", snapshot.source());

    generator.writeArrayFieldStart("orgUnits");
    for (OrgUnit unit : snapshot.orgUnits()) {
      writeUnit(unit, generator);
    }
    generator.writeEndArray();

    generator.writeArrayFieldStart("accounts");
    for (Account account : snapshot.accounts()) {
      writeAccount(account, generator);
    }
    generator.writeEndArray();
    generator.writeEndObject();
  }

  private static void writeUnit(OrgUnit unit, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("id", unit.id());
    generator.writeStringField("parentId", unit.parentId());
    generator.writeStringField("name", unit.name());
    generator.writeNumberField("order", unit.order());
    writeAttributes(unit.attributes(), generator);
    generator.writeEndObject();
  }

  private static void writeAccount(Account account, JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("id", account.id());
    generator.writeStringField("username", account.username());
    generator.writeStringField("email", account.email());
    generator.writeStringField("displayName", account.displayName());
    generator.writeArrayFieldStart("orgUnitIds");
    for (String unitId : account.orgUnitIds()) {
      generator.writeString(unitId);
    }
    generator.writeEndArray();
    generator.writeStringField("mobile", account.mobile());
    generator.writeStringField("employeeNo", account.employeeNo());
    generator.writeStringField("jobTitle", account.jobTitle());
    generator.writeStringField("status", account.status().name());
    writeAttributes(account.attributes(), generator);
    generator.writeEndObject();
  }

  private static void writeAttributes(Map<String, String> attributes, JsonGenerator generator)
      throws IOException {
    generator.writeObjectFieldStart("attributes");
    for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
      generator.writeStringField(attribute.getKey(), attribute.getValue());
    }
    generator.writeEndObject();
  }
}
