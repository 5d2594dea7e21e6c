package io.ddt.testkit.internal.server;

/** The fixed facts a fake member presents; the port is known once it is bound. */
public record ServerSettings(String host, int port, String replicaSetName, String serverVersion, long oplogSizeBytes,
                             long noopIntervalMillis, int transactionOpsPerEntry) {

    public String hostAndPort() {
        return host + ":" + port;
    }

    public ServerSettings withPort(int boundPort) {
        return new ServerSettings(host, boundPort, replicaSetName, serverVersion, oplogSizeBytes, noopIntervalMillis,
            transactionOpsPerEntry);
    }

    /** The wire protocol version of the presented server version, as MongoDB numbers them. */
    public int wireVersion() {
        String[] parts = serverVersion.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        if (major >= 8) {
            return 25;
        }
        if (major == 7) {
            return 21;
        }
        if (major == 6) {
            return 17;
        }
        if (major == 5) {
            return 13;
        }
        if (major == 4 && minor >= 4) {
            return 9;
        }
        return 8;
    }
}
