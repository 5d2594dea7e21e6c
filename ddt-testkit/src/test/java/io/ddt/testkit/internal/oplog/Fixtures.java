package io.ddt.testkit.internal.oplog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.BsonDocument;

/**
 * Reads shared/fixtures/oplog-cases.jsonl, which lives beside the repository checkout (the repo is
 * .../main with shared/ next to it), so it is found by walking up from the working directory.
 */
public final class Fixtures {

    static final String RELATIVE_PATH = "shared/fixtures/oplog-cases.jsonl";
    private static final Path FALLBACK = Paths.get("/work", RELATIVE_PATH);

    private Fixtures() {}

    /** Returns every case, one document per line, in file order. */
    public static List<BsonDocument> all() {
        Path file = locate();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(BsonDocument::parse)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Returns the cases whose name starts with {@code prefix}. */
    static List<BsonDocument> named(String prefix) {
        return all().stream()
                .filter(c -> c.getString("name").getValue().startsWith(prefix))
                .collect(Collectors.toList());
    }

    /** Finds the file in the working directory or any parent, else under /work. */
    static Path locate() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if (Files.isRegularFile(FALLBACK)) {
            return FALLBACK;
        }
        throw new IllegalStateException("Cannot find " + RELATIVE_PATH + " beside the repository"
                + " (looked in " + Paths.get("").toAbsolutePath() + " and its parents, and "
                + FALLBACK + "). Check out the shared/ directory next to the repository root.");
    }
}
