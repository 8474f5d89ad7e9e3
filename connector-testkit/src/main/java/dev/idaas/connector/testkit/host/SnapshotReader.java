package dev.idaas.connector.testkit.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a directory snapshot file (the format described in {@code examples/README.md}) into a
 * {@link DirectorySnapshot}, checking its form as it goes.
 *
 * <p>A file that is not in the format is refused whole with a {@link SnapshotFormatException} that
 * names the file, the field, the line and the column: truncated or invalid JSON, a value of the
 * wrong type, a missing required field ({@code id} and {@code name} of a unit; {@code id}, {@code
 * username} and {@code displayName} of an account), an unknown field, a control character in an id,
 * a name or an address, a text longer than {@value #MAX_TEXT_LENGTH} characters (an attribute
 * value: {@value #MAX_ATTRIBUTE_LENGTH}), and an id used twice.
 *
 * <p>What is not checked here, on purpose: whether a unit's parent or an account's unit exists, and
 * whether parents form a cycle. Those are directory content that real directories do have; the
 * snapshot loads, and the connector reports each such object as a problem so the rest is still
 * pushed.
 *
 * <p>Optional fields may be absent or null: {@code parentId} (a top-level unit), {@code order} (0),
 * {@code email}, {@code mobile}, {@code employeeNo}, {@code jobTitle}, {@code orgUnitIds} (none),
 * {@code status} ({@code ACTIVE}) and {@code attributes}. Attributes whose value is null are
 * dropped.
 *
 * <p>Thread-safe: one reader can read many files at once.
 */
public final class SnapshotReader {

  /** The longest id, name, e-mail address or other text field, in characters. */
  public static final int MAX_TEXT_LENGTH = 1024;

  /** The longest attribute value and the longest {@code source}, in characters. */
  public static final int MAX_ATTRIBUTE_LENGTH = 4096;

  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private final JsonFactory json = JsonFactory.builder().build();

  /**
   * Reads a snapshot file, which must be UTF-8.
   *
   * @throws SnapshotFormatException if the file is not in the snapshot format
   * @throws IOException if the file cannot be read; the message names the file
   */
  public DirectorySnapshot read(Path file) throws IOException {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file.toString(), null, "the directory snapshot file does not exist; check the path");
    }
    try (in) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a snapshot from UTF-8 bytes.
   *
   * @param name the file's name, used in error messages
   * @throws SnapshotFormatException if the content is not in the snapshot format
   * @throws IOException if the stream fails
   */
  public DirectorySnapshot read(InputStream in, String name) throws IOException {
    // Decoded whole (a large directory is a few megabytes), so a bad byte is found exactly.
    String text = decodeUtf8(in.readAllBytes(), name);
    return parse(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text, name);
  }

  /**
   * Reads a snapshot held in a string.
   *
   * @param name a name for the content, used in error messages
   * @throws SnapshotFormatException if the content is not in the snapshot format
   */
  public DirectorySnapshot parse(String content, String name) {
    // A character source, so columns count characters, not the bytes of a Chinese name.
    try (JsonParser parser = json.createParser(content)) {
      SnapshotParser document = new SnapshotParser(parser, name, content.length());
      try {
        return document.snapshot();
      } catch (StreamReadException e) {
        throw document.syntaxError(e);
      }
    } catch (IOException e) {
      // Defensive: parsing a string does no I/O, and syntax errors are handled above.
      throw new UncheckedIOException(e);
    }
  }

  private static String decodeUtf8(byte[] bytes, String name) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.length() - before.lastIndexOf('\n');
      throw new SnapshotFormatException(
          name,
          "",
          String.format(
              "the file is not UTF-8 text: byte 0x%02X cannot start or continue a character;"
                  + " save the file as UTF-8",
              bytes[in.position()] & 0xFF),
          line,
          column);
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }
}
