package io.ddt.testkit.internal.server;

import java.util.List;
import java.util.Set;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;

/**
 * Routes one command to the part of the fake member that answers it, applies fail points first,
 * and adds the {@code $clusterTime} and {@code operationTime} a replica-set member returns.
 */
public final class CommandRouter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandRouter.class);

    /** Thrown to make the connection close without a reply, as {@code closeConnection} asks. */
    public static final class CloseConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CloseConnection() {
            super("connection closed by failCommand", null, false, false);
        }
    }

    /** What the router needs to know of the connection a command came on. */
    public interface Connection {
        long id();

        String appName();

        void appName(String name);

    }

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "findandmodify");

    private static final Set<String> NEVER_FAILED = Set.of("configureFailPoint", "hello", "isMaster", "ismaster",
        "saslStart", "saslContinue", "endSessions");

    /** Errors after which a driver rediscovers the member: not primary, shutting down. */
    private static final Set<Integer> STATE_CHANGE_CODES = Set.of(91, 189, 10107, 11600, 11602, 13435, 13436);

    private final FakeMember member;
    private final Handshake handshake;
    private final QueryCommands queries;
    private final WriteCommands writes;
    private final ChangeStreams changeStreams;
    private final RetryableWrites retryableWrites = new RetryableWrites();
    private volatile ServerSettings settings;

    public CommandRouter(FakeMember member, ServerSettings settings) {
        this.member = member;
        this.settings = settings;
        this.handshake = new Handshake(() -> this.settings);
        this.queries = new QueryCommands(member);
        this.writes = new WriteCommands(member.writes());
        this.changeStreams = new ChangeStreams(member);
    }

    /** Sets the settings once the listener is bound and the port known. */
    public void settings(ServerSettings bound) {
        this.settings = bound;
    }

    public void restarted() {
        handshake.restarted();
    }

    /** Answers waiting hellos at once, for example because the member is stopping. */
    public void stopping() {
        handshake.changed();
    }

    /** Answers one command; never throws except {@link CloseConnection} and interruption. */
    public BsonDocument handle(String database, BsonDocument command, Connection connection) throws InterruptedException {
        String name = command.isEmpty() ? "" : command.getFirstKey();
        BsonDocument reply;
        try {
            applyFailPoint(name, connection, WriteContext.of(command).retryable() && WRITES.contains(name));
            reply = route(name, database, command, connection);
        } catch (CommandException e) {
            reply = e.toResponse();
        } catch (CloseConnection e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("fake cluster failed on command {}", name, e);
            reply = new CommandException(1, "InternalError", name + " failed in the fake cluster: " + e).toResponse();
        }
        BsonTimestamp time = member.lastTimestamp();
        reply.append("$clusterTime", new BsonDocument("clusterTime", time).append("signature",
            new BsonDocument("hash", new BsonBinary(new byte[20])).append("keyId", new BsonInt64(0))));
        reply.append("operationTime", time);
        return reply;
    }

    private void applyFailPoint(String name, Connection connection, boolean retryableWrite) throws InterruptedException {
        if (NEVER_FAILED.contains(name)) {
            return;
        }
        FailPoints.Action action = member.failPoints().check(name, connection.appName(), retryableWrite);
        if (action == null) {
            return;
        }
        if (action.blockMillis() > 0) {
            Thread.sleep(action.blockMillis());
        }
        if (action.closeConnection()) {
            throw new CloseConnection();
        }
        if (action.error() != null) {
            if (STATE_CHANGE_CODES.contains(action.error().code())) {
                // As a member that changes state: its topologyVersion moves, waiting hellos
                // answer, and the error carries the new version, so the driver never takes the
                // error for newer news than its monitor's.
                handshake.changed();
                throw action.error().with("topologyVersion", handshake.topologyVersion());
            }
            throw action.error();
        }
    }

    private BsonDocument route(String name, String database, BsonDocument command, Connection connection)
        throws InterruptedException {
        switch (name) {
            case "hello":
            case "isMaster":
            case "ismaster":
                rememberAppName(command, connection);
                return handshake.hello(command, !name.equals("hello"), member.lastTimestamp(), connection.id());
            case "buildInfo":
            case "buildinfo":
                return handshake.buildInfo();
            case "ping":
            case "endSessions":
            case "killAllSessions":
            case "killSessions":
            case "refreshSessions":
                return CollectionCommands.ok();
            case "configureFailPoint":
                return member.failPoints().configure(command);
            case "replSetGetStatus":
                return replSetStatus();
            case "serverStatus":
                return serverStatus();
            default:
                return routeData(name, database, command);
        }
    }

    private BsonDocument routeData(String name, String database, BsonDocument command) throws InterruptedException {
        WriteContext context = WriteContext.of(command);
        switch (name) {
            case "find":
                return queries.find(database, command);
            case "getMore":
                return member.cursors().getMore(command);
            case "killCursors":
                return member.cursors().kill(command);
            case "aggregate":
                return changeStreams.isChangeStream(command) ? changeStreams.open(database, command)
                    : queries.aggregate(database, command);
            case "listCollections":
                return queries.listCollections(database, command);
            case "listDatabases":
                return queries.listDatabases(command);
            case "listIndexes":
                return member.indexes().listIndexes(database, command);
            case "insert": {
                WriteCommands.PreparedInsert insert = WriteCommands.prepareInsert(database, command);
                return retryable(context, () -> writes.insert(insert, context));
            }
            case "update":
                return retryable(context, () -> writes.update(database, command, context));
            case "delete":
                return retryable(context, () -> writes.delete(database, command, context));
            case "findAndModify":
            case "findandmodify":
                return retryable(context, () -> writes.findAndModify(database, command, context));
            case "commitTransaction":
                return member.write(() -> new TransactionCommands(member, settings).commit(command));
            case "abortTransaction":
                return member.write(() -> new TransactionCommands(member, settings).abort(command));
            default:
                return routeDdl(name, database, command);
        }
    }

    /** Runs a write once per session and txnNumber; a retry of one that ran gets its reply again. */
    private BsonDocument retryable(WriteContext context, java.util.function.Supplier<BsonDocument> write) {
        if (!context.retryable()) {
            return member.write(write);
        }
        return member.write(() -> {
            BsonDocument earlier = retryableWrites.executed(context);
            if (earlier != null) {
                return earlier;
            }
            BsonDocument reply = write.get();
            retryableWrites.record(context, reply);
            return reply;
        });
    }

    private BsonDocument routeDdl(String name, String database, BsonDocument command) {
        switch (name) {
            case "create":
                return member.write(() -> member.ddl().create(database, command));
            case "drop":
                return member.write(() -> member.ddl().drop(database, command));
            case "dropDatabase":
                return member.write(() -> member.ddl().dropDatabase(database));
            case "renameCollection":
                return member.write(() -> member.ddl().renameCollection(command));
            case "collMod":
                return member.write(() -> member.ddl().collMod(database, command));
            case "createIndexes":
                return member.write(() -> member.indexes().createIndexes(database, command));
            case "dropIndexes":
            case "deleteIndexes":
                return member.write(() -> member.indexes().dropIndexes(database, command));
            case "count":
            case "distinct":
            case "dbStats":
            case "collStats":
            case "validate":
                return queries.passThrough(database, command);
            case "whatsmyuri":
            case "getLog":
            case "hostInfo":
            case "getCmdLineOpts":
            case "connectionStatus":
            case "getParameter":
            case "getFreeMonitoringStatus":
                return generic(name);
            default:
                throw CommandException.commandNotFound(name);
        }
    }

    private static BsonDocument generic(String name) {
        BsonDocument reply = new BsonDocument();
        if (name.equals("connectionStatus")) {
            reply.append("authInfo", new BsonDocument("authenticatedUsers", new org.bson.BsonArray())
                .append("authenticatedUserRoles", new org.bson.BsonArray()));
        }
        return reply.append("ok", new BsonDouble(1));
    }

    private static void rememberAppName(BsonDocument command, Connection connection) {
        BsonDocument client = command.getDocument("client", null);
        if (client != null && client.isDocument("application")) {
            connection.appName(client.getDocument("application").getString("name", new BsonString("")).getValue());
        }
    }

    private BsonDocument replSetStatus() {
        BsonTimestamp ts = member.lastTimestamp();
        BsonDocument optime = new BsonDocument("ts", ts).append("t", new BsonInt64(1));
        BsonDocument self = new BsonDocument("_id", new org.bson.BsonInt32(0))
            .append("name", new BsonString(settings.hostAndPort())).append("health", new BsonDouble(1))
            .append("state", new org.bson.BsonInt32(1)).append("stateStr", new BsonString("PRIMARY"))
            .append("optime", optime).append("self", org.bson.BsonBoolean.TRUE);
        return new BsonDocument("set", new BsonString(settings.replicaSetName()))
            .append("date", new org.bson.BsonDateTime(System.currentTimeMillis()))
            .append("myState", new org.bson.BsonInt32(1)).append("term", new BsonInt64(1))
            .append("members", new org.bson.BsonArray(List.of(self))).append("ok", new BsonDouble(1));
    }

    private BsonDocument serverStatus() {
        BsonDocument getMore = new BsonDocument("failed", new BsonInt64(0))
            .append("total", new BsonInt64(member.getMoreCount()));
        return new BsonDocument("host", new BsonString(settings.hostAndPort()))
            .append("version", new BsonString(settings.serverVersion()))
            .append("process", new BsonString("mongod"))
            .append("repl", new BsonDocument("setName", new BsonString(settings.replicaSetName()))
                .append("isWritablePrimary", org.bson.BsonBoolean.TRUE))
            .append("metrics", new BsonDocument("commands", new BsonDocument("getMore", getMore)))
            .append("ok", new BsonDouble(1));
    }
}
