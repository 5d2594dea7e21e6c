package io.ddt.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Paths sort as the server's {@code cmpPathsAndArrayIndexes} sorts the children of an update's tree. */
class OperatorOrderTest {

    @Test
    void numbersSortByValueAndEverythingElseByItsBytes() {
        List<String> sorted = Stream.of("b", "10", "a", "9", "09", "", "B", "1a", "2", "\u00e9")
            .sorted(OperatorOrder.PATHS).toList();

        assertThat(sorted).containsExactly("", "09", "2", "9", "10", "1a", "B", "a", "b", "\u00e9");
    }

    @Test
    void pathsSortComponentByComponentWithAParentBeforeItsChildren() {
        List<String> sorted = Stream.of("a-", "a.b", "a", "a.10", "a.9").sorted(OperatorOrder.PATHS).toList();

        assertThat(sorted).containsExactly("a", "a.9", "a.10", "a.b", "a-");
    }
}
