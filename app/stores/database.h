// The console's SQLite database (profiles and UI state): opening in WAL mode, the schema version
// in `PRAGMA user_version` with step-by-step migrations, and the rule that a corrupt or
// unreadable file is moved aside (renamed with a timestamp) and reported, never emptied.
//
// Schema (version 3):
//   profiles(id TEXT PRIMARY KEY, position INTEGER, name, bootstrap, security_protocol,
//            sasl_mechanism, username, ca_file, cert_file, key_file, verify_hostname INTEGER,
//            extra TEXT /* JSON array of [key, value] */, environment TEXT)
//   ui_state(key TEXT PRIMARY KEY, value TEXT)
//   produce_templates(...)  the producer's templates, see browser/templatestore.h
// Version 1 had no environment column and no ui_state table; version 2 no produce_templates.
// Secrets are never stored here.
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace kastle::core {

class Database
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::Database)
public:
    static constexpr int SchemaVersion = 3;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens or creates the file and migrates it to SchemaVersion. When the file is corrupt or
    // unreadable it is renamed to "<file>.corrupt-<yyyyMMdd-HHmmss>" and a fresh database is
    // created; notice() then says so. Fails only if nothing usable could be opened.
    Status open(const QString &path);
    // A database that lives in memory for this run only (used when the file cannot be used).
    Status openInMemory();

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    // Non-empty after open() when something had to be reported (file moved aside).
    QString notice() const { return m_notice; }
    QString movedAsidePath() const { return m_movedAside; }

    static QString defaultPath(); // <AppDataLocation>/kastle.sqlite
    // Renames a broken SQLite file (and its -wal/-shm) to "<file>.corrupt-<yyyyMMdd-HHmmss>";
    // returns the new path. Shared with the MetricsStore.
    static Result<QString> moveAside(const QString &path);

private:
    Status openConnection(const QString &path);
    Status checkReadable();
    Status migrate();
    void closeConnection();

    QString m_connectionName;
    QString m_path;
    QString m_notice;
    QString m_movedAside;
};

} // namespace kastle::core
