package io.ddt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The public packages ({@code io.ddt}, {@code io.ddt.spi}, {@code io.ddt.event}) must not
 * depend on {@code io.ddt.internal}: users compile against them, and internals may change.
 */
class PublicApiBoundaryTest {

    private static final Pattern INTERNAL_IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?io\\.ddt\\.internal\\b",
        Pattern.MULTILINE);
    private static final Pattern INTERNAL_REFERENCE = Pattern.compile("\\bio\\.ddt\\.internal\\.");

    @Test
    void publicPackagesNeverReferToInternalOnes() {
        Path root = Path.of("src/main/java/io/ddt");
        List<String> offenders = new ArrayList<>();
        for (Path file : publicSources(root)) {
            String text = read(file);
            String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            if (INTERNAL_IMPORT.matcher(code).find() || INTERNAL_REFERENCE.matcher(code).find()) {
                offenders.add(root.relativize(file).toString());
            }
        }
        assertThat(offenders).as("public API files that use io.ddt.internal").isEmpty();
    }

    @Test
    void theCheckFindsAnInternalImport() {
        String sample = "package io.ddt;\nimport io.ddt.internal.copy.RangeSplitter;\nclass X {}\n";
        assertThat(INTERNAL_IMPORT.matcher(sample).find()).isTrue();
        assertThat(INTERNAL_IMPORT.matcher("import io.ddt.internals.X;").find()).isFalse();
    }

    private static List<Path> publicSources(Path root) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            top.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String pkg : List.of("spi", "event")) {
            Path dir = root.resolve(pkg);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(files).as("public sources under " + root.toAbsolutePath()).isNotEmpty();
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
