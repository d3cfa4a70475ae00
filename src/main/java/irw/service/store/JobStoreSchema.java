package irw.service.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The job store's SQLite file: WAL with {@code synchronous=FULL} (an acknowledged job survives kill -9
 * and power loss), the jobs, metrics and artifacts tables, and the migrations of stores written by
 * older releases.
 */
final class JobStoreSchema {
    private JobStoreSchema() {
    }

    /** Opens (creating or migrating) the store at {@code file}. */
    static Connection connect(Path file) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS jobs (
                      num INTEGER PRIMARY KEY AUTOINCREMENT,
                      id TEXT NOT NULL UNIQUE,
                      kind TEXT NOT NULL,
                      spec TEXT NOT NULL,
                      state TEXT NOT NULL,
                      reason TEXT,
                      submitted_at TEXT NOT NULL,
                      started_at TEXT,
                      finished_at TEXT,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      resume_pending INTEGER NOT NULL DEFAULT 0,
                      cancel_requested INTEGER NOT NULL DEFAULT 0,
                      epoch INTEGER NOT NULL DEFAULT 0,
                      step INTEGER NOT NULL DEFAULT 0,
                      total_steps INTEGER NOT NULL DEFAULT 0)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS metrics (
                      job_id TEXT NOT NULL REFERENCES jobs(id),
                      seq INTEGER NOT NULL,
                      type TEXT NOT NULL,
                      epoch INTEGER NOT NULL,
                      step INTEGER NOT NULL,
                      total_steps INTEGER NOT NULL,
                      metric_values TEXT NOT NULL,
                      at TEXT NOT NULL,
                      PRIMARY KEY (job_id, seq))""");
            if (!hasColumn(db, "jobs", "request_id")) {
                // the client's idempotency key (added after the first release: older stores gain the column)
                s.execute("ALTER TABLE jobs ADD COLUMN request_id TEXT");
            }
            s.execute("CREATE UNIQUE INDEX IF NOT EXISTS jobs_request_id ON jobs(request_id)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS artifacts (
                      job_id TEXT NOT NULL REFERENCES jobs(id),
                      name TEXT NOT NULL,
                      path TEXT NOT NULL,
                      bytes INTEGER NOT NULL,
                      PRIMARY KEY (job_id, name))""");
        }
        return db;
    }

    private static boolean hasColumn(Connection db, String table, String column) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
