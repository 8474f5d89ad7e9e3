package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.ObjectType;

/** One directory object: its type and its host id. */
record ObjectKey(ObjectType type, String hostId) {}
