package io.ddt.examples.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM that runs a main class of this program with this
 * program's class path: {@code java -Xmx<heap> [jvm args] -cp <class path> <main> [args]}.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> of(String maxHeap, List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * This program's class path. Under {@code mvn exec:java} the property
     * {@code java.class.path} holds only Maven's launcher and the program's classes come from
     * the plugin's URLClassLoader, so that loader's URLs are used when there is one; otherwise
     * (a plain {@code java -cp}, Surefire) {@code java.class.path}.
     */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = JavaCommand.class.getClassLoader(); loader instanceof URLClassLoader;
             loader = loader.getParent()) {
            for (URL url : ((URLClassLoader) loader).getURLs()) {
                entries.add(toPath(url));
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }

    /** The command for an error message: the class path shortened to its entry count. */
    static String describe(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-cp");
        if (cp >= 0 && cp + 1 < shown.size()) {
            shown.set(cp + 1, "<class path of " + shown.get(cp + 1).split(File.pathSeparator).length + " entries>");
        }
        return String.join(" ", shown);
    }

    private static String toPath(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Path.of(url.toURI()).toString() : url.toString();
        } catch (URISyntaxException e) {
            return url.getPath();
        }
    }
}
