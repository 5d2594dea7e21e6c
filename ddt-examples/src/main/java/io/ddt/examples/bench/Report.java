package io.ddt.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The end of a run: the table of figures beside their references, ratios and goals, and the
 * JSON file {@code {benchmark, startedAt, options, machine, figures, references, ratios}}.
 */
final class Report {

    private static final String ROW = "  %-26s %20s   %-26s %20s  %8s  %9s  %s";

    private Report() {
    }

    /** Prints each ratio's figure beside its reference, then the figures and references in no ratio. */
    static void print(PrintStream out, String benchmark, Figures figures) {
        out.println();
        out.println(benchmark + ":");
        row(out, "figure", "", "reference", "", "ratio", "goal", "met");
        Set<String> shown = new HashSet<>();
        for (Figures.Ratio ratio : figures.ratios()) {
            Figures.Figure top = figures.find(ratio.figure()).orElseThrow();
            Figures.Figure bottom = figures.find(ratio.reference()).orElseThrow();
            row(out, top.name(), amount(top), bottom.name(), amount(bottom), number(ratio.value()),
                (ratio.atMost() ? "<= " : ">= ") + number(ratio.goal()), ratio.met() ? "yes" : "NO");
            shown.add(top.name());
            shown.add(bottom.name());
        }
        for (Figures.Figure figure : figures.figures()) {
            if (!shown.contains(figure.name())) {
                row(out, figure.name(), amount(figure), "", "", "", "", "");
            }
        }
        for (Figures.Figure reference : figures.references()) {
            if (!shown.contains(reference.name())) {
                row(out, "", "", reference.name(), amount(reference), "", "", "");
            }
        }
    }

    private static void row(PrintStream out, Object... cells) {
        out.println(String.format(Locale.ROOT, ROW, cells).stripTrailing());
    }

    /** The report as a BSON document, ready for {@link #write}. */
    static BsonDocument toBson(String benchmark, Instant startedAt, Map<String, String> options, Figures figures) {
        BsonDocument optionDoc = new BsonDocument();
        options.forEach((key, value) -> optionDoc.append(key, new BsonString(value)));
        BsonDocument figureDoc = figures.toBson();
        return new BsonDocument("benchmark", new BsonString(benchmark))
            .append("startedAt", new BsonString(startedAt.toString()))
            .append("options", optionDoc)
            .append("machine", machine())
            .append("figures", figureDoc.getArray("figures"))
            .append("references", figureDoc.getArray("references"))
            .append("ratios", ratios(figures.ratios()));
    }

    /** Writes the report as indented relaxed extended JSON, creating the directory. */
    static void write(Path file, BsonDocument report) {
        String json = report.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build());
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, json + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark report " + file, e);
        }
    }

    private static BsonDocument machine() {
        return new BsonDocument("cores", new BsonInt32(Runtime.getRuntime().availableProcessors()))
            .append("maxHeap", new BsonInt64(Runtime.getRuntime().maxMemory()))
            .append("java", new BsonString(System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"))
            .append("os", new BsonString(System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    }

    private static BsonArray ratios(List<Figures.Ratio> ratios) {
        BsonArray array = new BsonArray();
        for (Figures.Ratio ratio : ratios) {
            array.add(new BsonDocument("name", new BsonString(ratio.name()))
                .append("figure", new BsonString(ratio.figure()))
                .append("reference", new BsonString(ratio.reference()))
                .append("value", new BsonDouble(ratio.value()))
                .append("goal", new BsonDouble(ratio.goal()))
                .append("goalIs", new BsonString(ratio.atMost() ? "atMost" : "atLeast"))
                .append("met", BsonBoolean.valueOf(ratio.met())));
        }
        return array;
    }

    private static String amount(Figures.Figure figure) {
        return number(figure.value()) + " " + figure.unit();
    }

    private static String number(double value) {
        boolean whole = Math.abs(value) >= 100 || value == Math.rint(value);
        return String.format(Locale.ROOT, whole ? "%,.0f" : "%,.2f", value);
    }
}
