package io.ddt.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void aRatioIsTheFigureOverItsReferenceAndMeetsAMinimumGoal() {
        Figures figures = new Figures();
        figures.figure("copy", 30_000, "docs/s");
        figures.reference("plain", 20_000, "docs/s");

        Figures.Ratio ratio = figures.ratio("copy/plain", "copy", "plain", 1.2);

        assertThat(ratio.value()).isEqualTo(1.5);
        assertThat(ratio.met()).isTrue();
        assertThat(figures.ratio("strict", "copy", "plain", 2).met()).isFalse();
    }

    @Test
    void anAtMostRatioIsMetWhenTheFigureStaysUnderTheGoal() {
        Figures figures = new Figures();
        figures.figure("heap", 300, "MB");
        figures.reference("limit", 256, "MB");

        assertThat(figures.ratioAtMost("heap/limit", "heap", "limit", 1.0).met()).isFalse();
        assertThat(figures.ratioAtMost("loose", "heap", "limit", 1.5).met()).isTrue();
    }

    @Test
    void rejectsTakenNamesAndRatiosOfUnknownFigures() {
        Figures figures = new Figures();
        figures.figure("rate", 1, "docs/s");

        assertThatThrownBy(() -> figures.reference("rate", 2, "docs/s")).hasMessage("figure or reference 'rate' is already recorded");
        assertThatThrownBy(() -> figures.ratio("r", "rate", "base", 1)).hasMessage("no reference named 'base'; recorded: []");
    }

    @Test
    void survivesTheTripThroughBsonWithAPrefix() {
        Figures child = new Figures();
        child.figure("rate", 12.5, "docs/s");
        child.reference("base", 10, "docs/s");
        Figures parent = new Figures();

        parent.addAll(child.toBson(), "child-");

        assertThat(parent.figures()).containsExactly(new Figures.Figure("child-rate", 12.5, "docs/s"));
        assertThat(parent.references()).containsExactly(new Figures.Figure("child-base", 10, "docs/s"));
    }
}
