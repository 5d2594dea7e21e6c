package io.ddt.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads {@code shared/fixtures/oplog-cases.jsonl}, which lives beside the repository checkout
 * (the repository is {@code .../main} or a worktree with {@code shared/} next to it), so it is
 * found by walking up from the working directory, as the test kit's own fixture reader does.
 */
final class OplogCases {

    static final String RELATIVE_PATH = "shared/fixtures/oplog-cases.jsonl";
    private static final Path FALLBACK = Path.of("/work", RELATIVE_PATH);

    private OplogCases() {
    }

    /**
     * Returns every case, in file order. The file is read once per test run; tests that change a
     * case clone it first.
     */
    static List<BsonDocument> all() {
        return Loaded.CASES;
    }

    /** Holds the cases, read when first asked for. */
    private static final class Loaded {
        static final List<BsonDocument> CASES = read();
    }

    private static List<BsonDocument> read() {
        Path file = locate();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(BsonDocument::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Returns the case with this name. */
    static BsonDocument named(String name) {
        return all().stream().filter(c -> c.getString("name").getValue().equals(name)).findFirst()
            .orElseThrow(() -> new NoSuchElementException("no case " + name + " in " + RELATIVE_PATH));
    }

    /** Returns the single entry of the named case. */
    static BsonDocument entry(String name) {
        return named(name).getDocument("entry");
    }

    /** Returns the entries of the named case, one or several. */
    static List<BsonDocument> entries(BsonDocument oplogCase) {
        BsonValue entry = oplogCase.get("entry");
        return entry.isArray() ? entry.asArray().stream().map(BsonValue::asDocument).toList() : List.of(entry.asDocument());
    }

    /** Finds the file in the working directory or any parent, else under /work. */
    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if (Files.isRegularFile(FALLBACK)) {
            return FALLBACK;
        }
        throw new IllegalStateException("Cannot find " + RELATIVE_PATH + " beside the repository (looked in "
            + Path.of("").toAbsolutePath() + " and its parents, and " + FALLBACK + ")");
    }
}
