package io.ddt.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Records what a benchmark measured: figures (what ddt or the code under test achieves),
 * references (the same quantity measured by a plain baseline in the same run on the same
 * clusters), and ratios of one to the other with a goal. Names are unique across figures and
 * references. Thread-safe; keeps the order of recording.
 */
public final class Figures {

    /** One measured value, such as {@code insertMany 15000 docs/s}. */
    public record Figure(String name, double value, String unit) {
    }

    /**
     * {@code value = figure / reference}; {@code met} says whether it is at least {@code goal}
     * (or at most, where {@code atMost}).
     */
    public record Ratio(String name, String figure, String reference, double value, double goal, boolean atMost, boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<Figure> references = new ArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();

    /** Records a figure. @throws IllegalArgumentException if the name is taken */
    public synchronized Figure figure(String name, double value, String unit) {
        return add(figures, name, value, unit);
    }

    /** Records a reference. @throws IllegalArgumentException if the name is taken */
    public synchronized Figure reference(String name, double value, String unit) {
        return add(references, name, value, unit);
    }

    /**
     * Records {@code figure / reference}, met when it is at least {@code goal} (for rates, where
     * more is better).
     *
     * @throws IllegalArgumentException if either name is not recorded yet
     */
    public synchronized Ratio ratio(String name, String figure, String reference, double goal) {
        return addRatio(name, figure, reference, goal, false);
    }

    /** As {@link #ratio}, but met when the ratio is at most {@code goal} (for heap, time). */
    public synchronized Ratio ratioAtMost(String name, String figure, String reference, double goal) {
        return addRatio(name, figure, reference, goal, true);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized List<Figure> references() {
        return List.copyOf(references);
    }

    public synchronized List<Ratio> ratios() {
        return List.copyOf(ratios);
    }

    /** The figure or reference of that name, or empty. */
    public synchronized Optional<Figure> find(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
            .or(() -> references.stream().filter(f -> f.name().equals(name)).findFirst());
    }

    /** Figures and references as {@code {figures:[{name, value, unit}], references:[...]}}. */
    public synchronized BsonDocument toBson() {
        return new BsonDocument("figures", toArray(figures)).append("references", toArray(references));
    }

    /** Adds the figures and references of a {@link #toBson()} document, with a prefix on each name. */
    public synchronized void addAll(BsonDocument document, String prefix) {
        for (BsonValue value : document.getArray("figures", new BsonArray())) {
            Figure f = fromBson(value.asDocument());
            figure(prefix + f.name(), f.value(), f.unit());
        }
        for (BsonValue value : document.getArray("references", new BsonArray())) {
            Figure f = fromBson(value.asDocument());
            reference(prefix + f.name(), f.value(), f.unit());
        }
    }

    static BsonDocument toBson(Figure figure) {
        return new BsonDocument("name", new BsonString(figure.name())).append("value", new BsonDouble(figure.value()))
            .append("unit", new BsonString(figure.unit()));
    }

    private static Figure fromBson(BsonDocument document) {
        return new Figure(document.getString("name").getValue(), document.getNumber("value").doubleValue(),
            document.getString("unit").getValue());
    }

    private static BsonArray toArray(List<Figure> list) {
        BsonArray array = new BsonArray();
        list.forEach(f -> array.add(toBson(f)));
        return array;
    }

    private Figure add(List<Figure> list, String name, double value, String unit) {
        if (name == null || name.isBlank() || unit == null) {
            throw new IllegalArgumentException("a figure needs a name and a unit, not '" + name + "' and '" + unit + "'");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("figure or reference '" + name + "' is already recorded");
        }
        Figure figure = new Figure(name, value, unit);
        list.add(figure);
        return figure;
    }

    private Ratio addRatio(String name, String figure, String reference, double goal, boolean atMost) {
        double top = require(figures, figure, "figure").value();
        double bottom = require(references, reference, "reference").value();
        double value = top / bottom;
        boolean met = atMost ? value <= goal : value >= goal;
        if (ratios.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("ratio '" + name + "' is already recorded");
        }
        Ratio ratio = new Ratio(name, figure, reference, value, goal, atMost, met);
        ratios.add(ratio);
        return ratio;
    }

    private static Figure require(List<Figure> list, String name, String kind) {
        return list.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
            "no " + kind + " named '" + name + "'; recorded: " + list.stream().map(Figure::name).toList()));
    }
}
