package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void readsTypedValuesAndFallsBackToDefaults() {
        Options options = Options.parse("--documents", "2_000", "--goal=1.5", "--verbose", "--name", "x");

        assertThat(options.getInt("documents", 1)).isEqualTo(2000);
        assertThat(options.getDouble("goal", 3)).isEqualTo(1.5);
        assertThat(options.getBoolean("verbose", false)).isTrue();
        assertThat(options.getLong("batch", 1000)).isEqualTo(1000);
        assertThat(options.used()).containsEntry("batch", "1000").containsEntry("documents", "2_000");
        assertThat(options.unused()).containsExactly("name");
    }

    @Test
    void namesTheOptionWhoseValueIsWrong() {
        Options options = Options.parse("--documents", "many");

        assertThatThrownBy(() -> options.getInt("documents", 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--documents takes a whole number, not 'many'");
        assertThatThrownBy(() -> Options.parse("documents", "1")).hasMessageContaining("not 'documents'");
        assertThatThrownBy(() -> Options.parse("--a", "1", "--a", "2")).hasMessage("option --a is given twice");
    }
}
