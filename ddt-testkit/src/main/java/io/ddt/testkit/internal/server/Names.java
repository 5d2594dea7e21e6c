package io.ddt.testkit.internal.server;

/** The naming rules a real member enforces on databases and collections. */
final class Names {

    private Names() {
    }

    static void checkCollection(String namespace) {
        int dot = namespace.indexOf('.');
        if (dot <= 0 || dot == namespace.length() - 1) {
            throw new CommandException(73, "InvalidNamespace", "Invalid namespace specified '" + namespace + "'");
        }
        String database = namespace.substring(0, dot);
        String collection = namespace.substring(dot + 1);
        if (database.length() > 63 || database.matches(".*[/\\\\. \"$\\x00].*")) {
            throw new CommandException(73, "InvalidNamespace", "Invalid database name: '" + database + "'");
        }
        if (collection.contains("$") || collection.indexOf('\0') >= 0) {
            throw new CommandException(73, "InvalidNamespace", "Invalid collection name: " + collection);
        }
        if (collection.startsWith("system.") && !collection.equals("system.js") && !collection.startsWith("system.buckets.")) {
            throw new CommandException(73, "InvalidNamespace", "Invalid system namespace: " + namespace);
        }
    }
}
