package dev.idaas.connector.testkit.alimail;

/**
 * A scripted or random fault that fired, for tests and demos that show what the client went
 * through. Item failures of {@code createAccounts} are not listed here.
 *
 * @param call the global number of the call it hit, from 1
 * @param path the path of that call, such as {@code /ud/createAccounts}
 * @param action what happened, in fault-string syntax such as {@code 408} or {@code late:3000ms}
 */
public record FiredFault(long call, String path, String action) {}
