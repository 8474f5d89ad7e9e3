package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.support.Redactor;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a batch call did to each address. Alibaba Mail answers status {@code 100} even when some
 * items failed, listing them in {@code data.fail}; an address in neither list is unaccounted for,
 * and its outcome is unknown.
 *
 * @param succeeded addresses in {@code data.success}, lower case
 * @param failed per lower-case address, why it failed
 */
record BatchResult(Set<String> succeeded, Map<String, ConnectorException> failed) {

  BatchResult {
    succeeded = Set.copyOf(succeeded);
    failed = Map.copyOf(failed);
  }

  /** Reads {@code data.success} and {@code data.fail} of a batch answer. */
  static BatchResult from(JsonNode data, String operation, Redactor scrubber) {
    Set<String> succeeded = new HashSet<>();
    for (JsonNode item : WireCodec.items(data, "success")) {
      String email = item.isTextual() ? item.asText() : WireCodec.text(item, "email");
      if (email != null) {
        succeeded.add(key(email));
      }
    }
    Map<String, ConnectorException> failed = new HashMap<>();
    for (JsonNode item : WireCodec.items(data, "fail")) {
      String email = WireCodec.text(item, "email");
      if (email != null) {
        failed.put(
            key(email),
            AliMailErrors.itemRefused(
                operation,
                email.strip(),
                WireCodec.text(item, "errorCode"),
                WireCodec.text(item, "errorMsg"),
                scrubber));
      }
    }
    return new BatchResult(succeeded, failed);
  }

  /** Every address succeeded; what a preview answers. */
  static BatchResult allSucceeded(Collection<String> emails) {
    Set<String> keys = new HashSet<>();
    emails.forEach(email -> keys.add(key(email)));
    return new BatchResult(keys, Map.of());
  }

  /** The failure of one address, or null. */
  ConnectorException failureOf(String email) {
    return failed.get(key(email));
  }

  /** The requested addresses the answer says nothing about. */
  Set<String> unaccounted(Collection<String> requested) {
    Set<String> unknown = new LinkedHashSet<>();
    for (String email : requested) {
      String key = key(email);
      if (!succeeded.contains(key) && !failed.containsKey(key)) {
        unknown.add(email);
      }
    }
    return unknown;
  }

  /** Addresses compare without case, as Alibaba Mail compares them. */
  static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
