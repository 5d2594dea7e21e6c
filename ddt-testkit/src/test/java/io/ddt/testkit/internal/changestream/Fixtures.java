package io.ddt.testkit.internal.changestream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;

/** Reads {@code shared/fixtures/oplog-cases.jsonl}, found beside the repository's root. */
final class Fixtures {

    private static final Path FALLBACK = Path.of("/work/shared/fixtures/oplog-cases.jsonl");
    private static final Map<String, BsonDocument> BY_NAME = load();

    private Fixtures() {
    }

    static BsonDocument named(String name) {
        BsonDocument fixture = BY_NAME.get(name);
        if (fixture == null) {
            throw new IllegalArgumentException("no fixture named " + name);
        }
        return fixture;
    }

    static List<BsonDocument> ofKind(String kind) {
        return BY_NAME.values().stream()
                .filter(f -> f.getString("kind").getValue().equals(kind))
                .toList();
    }

    static Path file() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = null;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml"))) {
                root = p;
            } else if (root != null) {
                break;
            }
        }
        if (root != null) {
            Path candidate = root.resolve("../shared/fixtures/oplog-cases.jsonl").normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return FALLBACK;
    }

    private static Map<String, BsonDocument> load() {
        Map<String, BsonDocument> byName = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file())) {
                if (!line.isBlank()) {
                    BsonDocument fixture = BsonDocument.parse(line);
                    byName.put(fixture.getString("name").getValue(), fixture);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the oplog fixtures at " + file(), e);
        }
        return Collections.unmodifiableMap(byName);
    }
}
