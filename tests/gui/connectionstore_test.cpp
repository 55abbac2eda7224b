// ConnectionStore and Database against real SQLite files: round trip, migration from schema
// version 1, a corrupt file moved aside, and a newer schema left untouched.
#include "stores/appsettings.h"
#include "stores/connectionstore.h"
#include "stores/database.h"
#include "testhelpers.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace kastle::core;

namespace {

ConnectionProfile sampleProfile()
{
    ConnectionProfile p;
    p.name = QStringLiteral("Payments prod");
    p.bootstrapServers = QStringLiteral("kafka-1.example.com:9093,kafka-2.example.com:9093");
    p.securityProtocol = SecurityProtocol::SaslSsl;
    p.saslMechanism = SaslMechanism::ScramSha512;
    p.username = QStringLiteral("payments");
    p.caFile = QStringLiteral("/etc/ssl/ca.pem");
    p.verifyHostname = false;
    p.extraProperties = {{QStringLiteral("client.id"), QStringLiteral("kastle")},
                         {QStringLiteral("socket.keepalive.enable"), QStringLiteral("true")}};
    p.environment = Environment::Production;
    return p;
}

int userVersion(const QString &path)
{
    const QString name = QStringLiteral("probe");
    int v = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                v = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return v;
}

} // namespace

TEST(ConnectionStore, RoundTripThroughFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kastle.sqlite"));
    ConnectionProfile saved = sampleProfile();
    ConnectionProfile second;
    second.name = QStringLiteral("Local");
    second.bootstrapServers = QStringLiteral("localhost:9092");
    {
        Database db;
        ASSERT_TRUE(db.open(path).ok());
        ConnectionStore store(db);
        const Status first = store.saveProfile(saved);
        ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
        ASSERT_TRUE(store.saveProfile(second).ok());
        EXPECT_FALSE(saved.id.isEmpty());
        EXPECT_NE(saved.id, second.id);
        ASSERT_TRUE(store.setUiValue(QStringLiteral("splitter"), QStringLiteral("260,740")).ok());
    }
    Database db;
    ASSERT_TRUE(db.open(path).ok());
    EXPECT_TRUE(db.notice().isEmpty());
    ConnectionStore store(db);
    auto loaded = store.loadProfiles();
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    ASSERT_EQ(loaded->size(), 2);
    EXPECT_EQ(loaded->at(0), saved);
    EXPECT_EQ(loaded->at(1), second);
    EXPECT_EQ(store.uiValue(QStringLiteral("splitter")), QStringLiteral("260,740"));

    // Update in place, reorder, delete.
    ConnectionProfile changed = loaded->at(0);
    changed.name = QStringLiteral("Payments production");
    ASSERT_TRUE(store.saveProfile(changed).ok());
    ASSERT_TRUE(store.setOrder({second.id, saved.id}).ok());
    loaded = store.loadProfiles();
    ASSERT_EQ(loaded->size(), 2);
    EXPECT_EQ(loaded->at(0).id, second.id);
    EXPECT_EQ(loaded->at(1).name, QStringLiteral("Payments production"));
    ASSERT_TRUE(store.removeProfile(second.id).ok());
    loaded = store.loadProfiles();
    ASSERT_EQ(loaded->size(), 1);
    EXPECT_EQ(loaded->at(0).id, saved.id);
}

TEST(ConnectionStore, UsesWriteAheadLog)
{
    QTemporaryDir dir;
    Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("k.sqlite"))).ok());
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("wal"));
}

TEST(ConnectionStore, MigratesVersion1AndKeepsData)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        // A database as schema version 1 wrote it: no environment column, no ui_state.
        QSqlDatabase old =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        old.setDatabaseName(path);
        ASSERT_TRUE(old.open());
        QSqlQuery q(old);
        ASSERT_TRUE(q.exec(QStringLiteral(
            "CREATE TABLE profiles (id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, "
            "name TEXT NOT NULL, bootstrap TEXT NOT NULL, security_protocol TEXT NOT NULL, "
            "sasl_mechanism TEXT NOT NULL, username TEXT NOT NULL DEFAULT '', "
            "ca_file TEXT NOT NULL DEFAULT '', cert_file TEXT NOT NULL DEFAULT '', "
            "key_file TEXT NOT NULL DEFAULT '', verify_hostname INTEGER NOT NULL DEFAULT 1, "
            "extra TEXT NOT NULL DEFAULT '[]')")));
        ASSERT_TRUE(q.exec(QStringLiteral(
            "INSERT INTO profiles VALUES ('p1', 0, 'Old cluster', 'old:9092', 'SASL_PLAINTEXT', "
            "'SCRAM-SHA-256', 'bob', '', '', '', 1, '[[\"client.id\",\"legacy\"]]')")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        old.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    ASSERT_EQ(userVersion(path), 1);

    {
        Database db;
        ASSERT_TRUE(db.open(path).ok());
        ConnectionStore store(db);
        auto loaded = store.loadProfiles();
        ASSERT_TRUE(loaded.ok());
        ASSERT_EQ(loaded->size(), 1);
        const ConnectionProfile &p = loaded->at(0);
        EXPECT_EQ(p.id, QStringLiteral("p1"));
        EXPECT_EQ(p.name, QStringLiteral("Old cluster"));
        EXPECT_EQ(p.securityProtocol, SecurityProtocol::SaslPlaintext);
        EXPECT_EQ(p.saslMechanism, SaslMechanism::ScramSha256);
        EXPECT_EQ(p.username, QStringLiteral("bob"));
        EXPECT_EQ(p.environment, Environment::Development); // the column's default
        ASSERT_EQ(p.extraProperties.size(), 1);
        EXPECT_EQ(p.extraProperties.at(0).second, QStringLiteral("legacy"));
        // The new table works.
        EXPECT_TRUE(store.setUiValue(QStringLiteral("k"), QStringLiteral("v")).ok());
    }
    EXPECT_EQ(userVersion(path), Database::SchemaVersion);
}

TEST(ConnectionStore, CorruptFileIsMovedAsideAndReported)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kastle.sqlite"));
    QByteArray garbage("this is not an SQLite database, just some bytes\n");
    garbage = garbage.repeated(200);
    ASSERT_TRUE(kastle::test::writeFile(path, garbage));

    Database db;
    const Status opened = db.open(path);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    ASSERT_FALSE(db.notice().isEmpty());
    const QString aside = db.movedAsidePath();
    ASSERT_FALSE(aside.isEmpty());
    EXPECT_TRUE(aside.startsWith(path + QStringLiteral(".corrupt-")));
    EXPECT_TRUE(db.notice().contains(aside));
    // The broken bytes are kept, byte for byte, under the new name.
    EXPECT_EQ(kastle::test::readFile(aside), garbage);
    // And a fresh, working database is in place.
    ConnectionStore store(db);
    ConnectionProfile p;
    p.name = QStringLiteral("fresh");
    p.bootstrapServers = QStringLiteral("a:1");
    EXPECT_TRUE(store.saveProfile(p).ok());
    EXPECT_EQ(store.loadProfiles()->size(), 1);
}

TEST(ConnectionStore, NewerSchemaIsLeftUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        QSqlDatabase f = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("f"));
        f.setDatabaseName(path);
        ASSERT_TRUE(f.open());
        QSqlQuery q(f);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE t (x)")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        f.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("f"));
    Database db;
    const Status opened = db.open(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("newer")));
    EXPECT_EQ(userVersion(path), 99);
}

TEST(AppSettings, RoundTrip)
{
    QTemporaryDir dir;
    Database db;
    ASSERT_TRUE(db.open(dir.filePath(QStringLiteral("s.sqlite"))).ok());
    ConnectionStore store(db);
    EXPECT_EQ(AppSettings::load(store), AppSettings{});
    AppSettings s;
    s.theme = AppSettings::Theme::Dark;
    s.language = QStringLiteral("de");
    s.metadataRefreshSeconds = 30;
    s.offsetsRefreshSeconds = 2;
    ASSERT_TRUE(s.save(store));
    EXPECT_EQ(AppSettings::load(store), s);
}
