package dev.stave.jamendo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubEntityBudgetTest {
  @Test
  void spendsTheCapAcrossEntitiesInOrder() {
    SubEntityBudget budget = new SubEntityBudget();
    List<Integer> three = IntStream.range(0, 300).boxed().toList();
    assertThat(budget.take(three)).hasSize(300);
    assertThat(budget.take(three)).hasSize(100).startsWith(0);
    assertThat(budget.take(three)).isEmpty();
    assertThat(budget.remaining()).isZero();
  }
}
