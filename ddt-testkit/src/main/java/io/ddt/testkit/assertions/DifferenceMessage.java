package io.ddt.testkit.assertions;

import java.util.List;
import java.util.stream.Collectors;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Writes the failure message of a content comparison. Documents appear only as their
 * {@code _id} and the names of differing fields, never with field values, because test data
 * may be copied from production. Option and index values do appear: they describe the schema,
 * and a test author needs them to see what differs.
 *
 * <p>Stateless and thread-safe.
 */
final class DifferenceMessage {

    /** Longest rendering of one value; an {@code _id} or an option past it is cut. */
    private static final int MAX_VALUE_LENGTH = 120;
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private DifferenceMessage() {
    }

    static String render(String targetDescription, String sourceDescription, List<NamespaceReport> reports) {
        StringBuilder message = new StringBuilder()
                .append("Expecting ").append(targetDescription)
                .append(" to hold the same content as ").append(sourceDescription)
                .append(", but ").append(reports.size()).append(reports.size() == 1 ? " namespace differs:" : " namespaces differ:");
        reports.forEach(report -> appendNamespace(message, report));
        return message.toString();
    }

    private static void appendNamespace(StringBuilder message, NamespaceReport report) {
        message.append("\n- ").append(title(report)).append(':');
        report.metadata().forEach(difference -> message.append("\n    ").append(describe(difference)));
        DocumentTally documents = report.documents();
        if (!documents.isEmpty()) {
            message.append("\n    ").append(summary(documents));
            documents.samples().forEach(d -> message.append("\n      ").append(describe(d)));
        }
    }

    private static String title(NamespaceReport report) {
        if (report.source() == null) {
            return report.target() + " (target only, no source namespace maps to it)";
        }
        return report.source().equals(report.target()) ? report.source() : report.source() + " -> " + report.target();
    }

    static String describe(MetadataDifference difference) {
        String text = difference.item() + ": " + difference.kind().label();
        if (difference.keys().isEmpty()) {
            return text;
        }
        return text + " in " + difference.keys().stream()
                .map(key -> key + " (source " + value(difference.source().get(key))
                        + ", target " + value(difference.target().get(key)) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String summary(DocumentTally documents) {
        long total = documents.total();
        String counts = List.of(DifferenceKind.values()).stream()
                .filter(kind -> documents.count(kind) > 0)
                .map(kind -> documents.count(kind) + " " + kind.label())
                .collect(Collectors.joining(", "));
        return total + (total == 1 ? " document differs" : " documents differ") + " (" + counts + ")"
                + (total > documents.samples().size() ? ", the first " + documents.samples().size() + ":" : ":");
    }

    static String describe(DocumentDifference difference) {
        String text = "_id " + value(difference.id()) + ": " + difference.kind().label();
        if (!difference.changedFields().isEmpty()) {
            text += ", fields " + difference.changedFields();
        }
        if (!difference.reorderedFields().isEmpty()) {
            text += ", field order " + difference.reorderedFields();
        }
        if (difference.kind() == DifferenceKind.DIFFERENT && difference.changedFields().isEmpty()
                && difference.reorderedFields().isEmpty()) {
            text += ", in bytes only (duplicate field names?)";
        }
        return text;
    }

    /** The value as relaxed extended JSON, cut to a readable length; {@code absent} for none. */
    static String value(BsonValue value) {
        if (value == null) {
            return "absent";
        }
        String json = new BsonDocument("v", value).toJson(JSON);
        String inner = json.substring(json.indexOf(':') + 1, json.length() - 1).trim();
        return inner.length() <= MAX_VALUE_LENGTH ? inner : inner.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
