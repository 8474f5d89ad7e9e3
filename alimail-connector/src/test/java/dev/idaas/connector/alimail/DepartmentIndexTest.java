package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DepartmentIndexTest {

  private static Department department(String id, String parentId, String name) {
    return new Department(id, parentId, name, 0L);
  }

  @Test
  void findsAChildByItsExactNameFirstThenByAUniqueCaseBlindOne() {
    DepartmentIndex index =
        new DepartmentIndex(
            List.of(
                department("r", null, "acme.example"),
                department("a", "r", "Sales"),
                department("b", "r", "SALES"),
                department("c", "r", "Ops"),
                department("d", "a", "Ops")));

    assertThat(index.child("r", "SALES").id()).isEqualTo("b");
    assertThat(index.child("r", "sales")).as("two case-blind matches").isNull();
    assertThat(index.child("r", "OPS").id()).isEqualTo("c");
    assertThat(index.child("a", "Ops").id()).isEqualTo("d");
    assertThat(index.child("r", "Ops ")).isNull();
  }

  @Test
  void followsRenamesMovesAndRemovals() {
    DepartmentIndex index =
        new DepartmentIndex(
            List.of(
                department("r", null, "acme.example"),
                department("a", "r", "A"),
                department("b", "r", "B")));

    index.put(department("b", "a", "B2"));
    index.remove("a");

    assertThat(index.children("r")).isEmpty();
    assertThat(index.child("a", "B2").id()).isEqualTo("b");
    assertThat(index.byId("a")).isNull();
  }

  @Test
  void keepsDepartmentsMadeMeanwhileWhenMergingAFreshRead() {
    DepartmentIndex index = new DepartmentIndex(List.of(department("r", null, "acme.example")));
    index.put(department("new", "r", "Made by this run"));

    index.merge(
        List.of(department("r", null, "acme.example"), department("x", "r", "Made by hand")));

    assertThat(index.children("r")).extracting(Department::id).containsExactly("new", "x");
  }

  @Test
  void tellsWhetherADepartmentLiesUnderAnotherAndStopsOnALoopedList() {
    DepartmentIndex index =
        new DepartmentIndex(
            List.of(
                department("r", null, "acme.example"),
                department("a", "r", "A"),
                department("b", "a", "B"),
                department("x", "y", "X"),
                department("y", "x", "Y")));

    assertThat(index.isWithin("b", "a")).isTrue();
    assertThat(index.isWithin("a", "a")).isTrue();
    assertThat(index.isWithin("a", "b")).isFalse();
    assertThat(index.isWithin("x", "r")).as("a looped list ends").isFalse();
  }
}
