package dev.idaas.connector.api;

/** The two kinds of directory object a connector pushes. */
public enum ObjectType {
  ORG_UNIT,
  ACCOUNT
}
