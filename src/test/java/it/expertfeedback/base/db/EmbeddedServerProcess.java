package it.expertfeedback.base.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A JVM of its own that starts the embedded server, commits one row and waits to be killed (EmbeddedPostgresServerTest). */
final class EmbeddedServerProcess {

    static final String READY = "EMBEDDED-SERVER-READY";

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.SUPERUSER,
                server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table survivor (id int)");
            statement.execute("insert into survivor values (1)");
        }
        System.out.println(READY + " " + server.postgres().getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
