// SQLite database handling: WAL, migrations, and moving a corrupt file aside.
#include "database.h"
#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace kastle::core {

namespace {

// Each step takes the schema from version i to i + 1.
const char *const migrationSteps[][3] = {
    // 0 -> 1
    {"CREATE TABLE profiles (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, "
     "name TEXT NOT NULL, bootstrap TEXT NOT NULL, security_protocol TEXT NOT NULL, "
     "sasl_mechanism TEXT NOT NULL, username TEXT NOT NULL DEFAULT '', "
     "ca_file TEXT NOT NULL DEFAULT '', cert_file TEXT NOT NULL DEFAULT '', "
     "key_file TEXT NOT NULL DEFAULT '', verify_hostname INTEGER NOT NULL DEFAULT 1, "
     "extra TEXT NOT NULL DEFAULT '[]')",
     nullptr, nullptr},
    // 1 -> 2: environment tags and UI state
    {"ALTER TABLE profiles ADD COLUMN environment TEXT NOT NULL DEFAULT 'development'",
     "CREATE TABLE ui_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)", nullptr},
    // 2 -> 3: the producer's saved templates (browser/templatestore.h)
    {"CREATE TABLE produce_templates (name TEXT PRIMARY KEY NOT NULL, topic TEXT NOT NULL, "
     "message_key TEXT NOT NULL, key_null INTEGER NOT NULL DEFAULT 0, value TEXT NOT NULL, "
     "headers TEXT NOT NULL DEFAULT '[]', partition INTEGER NOT NULL DEFAULT -1, "
     "compression TEXT NOT NULL DEFAULT 'none', acks TEXT NOT NULL DEFAULT 'all', "
     "repeat INTEGER NOT NULL DEFAULT 1, interval_ms INTEGER NOT NULL DEFAULT 0, "
     "updated INTEGER NOT NULL DEFAULT 0)",
     nullptr, nullptr},
};
static_assert(std::size(migrationSteps) == Database::SchemaVersion);

} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("kastle-db-") + QUuid::createUuid().toString(QUuid::Id128))
{}

Database::~Database()
{
    closeConnection();
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/kastle.sqlite");
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::closeConnection()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status Database::openConnection(const QString &path)
{
    closeConnection();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    if (!db.open())
        return Error{tr("Could not open the database %1: %2").arg(path, db.lastError().text())};
    return Done{};
}

Status Database::checkReadable()
{
    QSqlQuery q(connection());
    // The first real read is where SQLite notices a file that is not a database.
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
        return Error{q.lastError().text()};
    const QString verdict = q.value(0).toString();
    if (verdict != QLatin1String("ok"))
        return Error{verdict};
    return Done{};
}

Result<QString> Database::moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(path, target))
        return Error{tr("Could not rename %1 to %2.").arg(path, target)};
    // The journal files belong to the broken file; keep them beside it.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, target + QLatin1String(suffix));
    }
    return target;
}

Status Database::open(const QString &path)
{
    m_path = path;
    m_notice.clear();
    m_movedAside.clear();
    QDir().mkpath(QFileInfo(path).absolutePath());

    Status opened = openConnection(path);
    if (opened)
        opened = checkReadable();
    if (!opened && QFileInfo::exists(path)) {
        const QString reason = opened.error().message;
        closeConnection();
        const Result<QString> moved = moveAside(path);
        if (!moved)
            return Error{tr("The database %1 cannot be read (%2) and could not be moved aside: "
                            "%3")
                             .arg(path, reason, moved.error().message)};
        m_movedAside = *moved;
        m_notice = tr("The database %1 could not be read (%2). It was moved to %3 and a new, "
                      "empty one was created; your old connections are in the moved file.")
                       .arg(path, reason, *moved);
        qCWarning(lcStore).noquote() << m_notice;
        opened = openConnection(path);
    }
    if (!opened)
        return opened;

    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        qCWarning(lcStore) << "could not switch to WAL:" << q.lastError().text();
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    return migrate();
}

Status Database::openInMemory()
{
    m_path = QStringLiteral(":memory:");
    if (Status s = openConnection(m_path); !s)
        return s;
    return migrate();
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error{
            tr("Could not read the schema version of %1: %2").arg(m_path, q.lastError().text())};
    const int version = q.value(0).toInt();
    if (version > SchemaVersion)
        return Error{tr("The database %1 was written by a newer Kastle (schema version %2; this "
                        "one knows up to %3). It was left untouched.")
                         .arg(m_path)
                         .arg(version)
                         .arg(SchemaVersion)};
    for (int v = version; v < SchemaVersion; ++v) {
        if (!db.transaction())
            return Error{
                tr("Could not start a migration of %1: %2").arg(m_path, db.lastError().text())};
        for (const char *sql : migrationSteps[v]) {
            if (!sql)
                break;
            QSqlQuery step(db);
            if (!step.exec(QString::fromLatin1(sql))) {
                const QString why = step.lastError().text();
                db.rollback();
                return Error{tr("Could not migrate %1 from schema version %2: %3")
                                 .arg(m_path)
                                 .arg(v)
                                 .arg(why)};
            }
        }
        QSqlQuery bump(db);
        bump.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
        if (!db.commit())
            return Error{
                tr("Could not finish the migration of %1: %2").arg(m_path, db.lastError().text())};
        qCInfo(lcStore) << "migrated" << m_path << "to schema version" << v + 1;
    }
    return Done{};
}

} // namespace kastle::core
