package dev.idaas.connector.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules that keep connector-api small, JDK-only and quiet; main code only. */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.idaas.connector.api");

  @Test
  void importsTheMainCodeOfEveryPackage() {
    assertThat(MAIN.containPackage("dev.idaas.connector.api")).isTrue();
    assertThat(MAIN.containPackage("dev.idaas.connector.api.support")).isTrue();
    assertThat(MAIN.containPackage("dev.idaas.connector.api.host")).isTrue();
    assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
  }

  @Test
  void dependsOnTheJdkAndItselfOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.idaas.connector.api..")
        .check(MAIN);
  }

  @Test
  void keepsTheSpiFreeOfTheSupportKitAndTheHost() {
    noClasses()
        .that()
        .resideInAPackage("dev.idaas.connector.api")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.idaas.connector.api.support..", "dev.idaas.connector.api.host..")
        .check(MAIN);
  }

  @Test
  void keepsTheSupportKitFreeOfTheHost() {
    noClasses()
        .that()
        .resideInAPackage("dev.idaas.connector.api.support..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.idaas.connector.api.host..")
        .check(MAIN);
  }

  @Test
  void neverPrintsToTheConsole() {
    NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
  }

  @Test
  void neverThrowsAGenericException() {
    NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(MAIN);
  }
}
