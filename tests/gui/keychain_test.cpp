// Secrets through the real Secret Service: ctest runs this binary inside
// tests/support/with-keyring.sh (a private D-Bus session with an unlocked throw-away
// gnome-keyring). Nothing here skips: without the keyring the tests fail and say why.
#include "testhelpers.h"
#include "workspace.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

using namespace kastle::core;

namespace {

void requireKeyring()
{
    ASSERT_EQ(qEnvironmentVariable("KASTLE_TEST_KEYRING"), QStringLiteral("1"))
        << "The keychain tests need the private keyring of tests/support/with-keyring.sh; ctest "
           "starts them through it. To run by hand: tests/support/with-keyring.sh "
           "build/<dir>/bin/kastle_gui_tests --gtest_filter='Keychain*'";
    ASSERT_FALSE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        << "No D-Bus session bus: the keyring wrapper did not start one.";
}

Status storeAndWait(SecretStore &store, const QString &id, const ProfileSecrets &secrets)
{
    std::optional<Status> result;
    QObject context;
    store.store(id, secrets, &context, [&](Status s) { result = s; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return Error{QStringLiteral("the keychain did not answer within 20 s")};
    return *result;
}

Result<ProfileSecrets> loadAndWait(SecretStore &store, const QString &id)
{
    std::optional<Result<ProfileSecrets>> result;
    QObject context;
    store.load(id, &context, [&](Result<ProfileSecrets> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return Error{QStringLiteral("the keychain did not answer within 20 s")};
    return *result;
}

} // namespace

TEST(Keychain, RoundTripThroughRealKeyring)
{
    requireKeyring();
    const QString id = QStringLiteral("roundtrip-profile");
    const ProfileSecrets secrets{QStringLiteral("s3cret-pässword"), QStringLiteral("tok.en"),
                                 QStringLiteral("key pass")};
    {
        SecretStore writer;
        const Status stored = storeAndWait(writer, id, secrets);
        ASSERT_TRUE(stored.ok()) << "Keyring not reachable: "
                                 << stored.error().message.toStdString();
        EXPECT_EQ(writer.availability(), SecretStore::Availability::Available);
        EXPECT_FALSE(writer.hasSessionSecrets(id)); // went to the keychain, not to memory
    }
    {
        SecretStore reader; // a new store has nothing in memory: this reads the keyring
        const Result<ProfileSecrets> loaded = loadAndWait(reader, id);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
        EXPECT_EQ(*loaded, secrets);

        ASSERT_TRUE(storeAndWait(reader, id, ProfileSecrets{}).ok()); // deletes the entry
    }
    SecretStore again;
    const Result<ProfileSecrets> afterDelete = loadAndWait(again, id);
    ASSERT_TRUE(afterDelete.ok()) << afterDelete.error().message.toStdString();
    EXPECT_TRUE(afterDelete->isEmpty());
}

TEST(Keychain, PasswordNeverReachesTheDatabaseFile)
{
    requireKeyring();
    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("kastle.sqlite"));
    const QString password = QStringLiteral("Hunter2-unique-4f1c9a");
    const QString keyPassword = QStringLiteral("KeyPass-unique-77b3e0");
    QString id;
    {
        Workspace ws({dbPath, QStringLiteral("/nonexistent/kastle-broker"),
                      dir.filePath(QStringLiteral("sandbox")), QString()});
        ws.open();
        ASSERT_TRUE(ws.persistent());
        ConnectionProfile p;
        p.name = QStringLiteral("secured");
        p.bootstrapServers = QStringLiteral("broker.example.com:9094");
        p.securityProtocol = SecurityProtocol::SaslSsl;
        p.saslMechanism = SaslMechanism::Plain;
        p.username = QStringLiteral("alice");
        ASSERT_TRUE(ws.saveProfile(p).ok());
        id = p.id;
        const Status stored =
            storeAndWait(*ws.secrets(), id, ProfileSecrets{password, {}, keyPassword});
        ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
        // Save once more (an edit) so the WAL holds more than one version of the row.
        p.name = QStringLiteral("secured (edited)");
        ASSERT_TRUE(ws.saveProfile(p).ok());

        const QStringList files{dbPath, dbPath + QStringLiteral("-wal"),
                                dbPath + QStringLiteral("-shm")};
        int scanned = 0;
        for (const QString &file : files) {
            const QByteArray bytes = kastle::test::readFile(file);
            if (QFileInfo::exists(file))
                ++scanned;
            for (const QString &secret : {password, keyPassword}) {
                const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()),
                                       secret.size() * 2);
                EXPECT_FALSE(bytes.contains(secret.toUtf8())) << file.toStdString();
                EXPECT_FALSE(bytes.contains(utf16)) << file.toStdString();
            }
        }
        EXPECT_GE(scanned, 2); // the database and its WAL exist while it is open
        // The user name is stored (so the scan does look at row data).
        EXPECT_TRUE(kastle::test::readFile(dbPath + QStringLiteral("-wal")).contains("alice") ||
                    kastle::test::readFile(dbPath).contains("alice"));
    }
    SecretStore fresh;
    const Result<ProfileSecrets> loaded = loadAndWait(fresh, id);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    EXPECT_EQ(loaded->password, password);
    EXPECT_EQ(loaded->keyPassword, keyPassword);
}

TEST(Keychain, WrapperLeavesNoDaemonsBehind)
{
    // Run the wrapper once more around a probe that asks the bus for the process ids of the
    // bus daemon and of the keyring (the Secret Service owner), then check both are gone.
    const QString probe = QStringLiteral(
        "for name in org.freedesktop.DBus org.freedesktop.secrets; do "
        "dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "
        "org.freedesktop.DBus.GetConnectionUnixProcessID string:$name | "
        "awk -v n=$name '/uint32/ {print n, $2}'; done");
    QProcess wrapper;
    wrapper.start(QStringLiteral(KASTLE_KEYRING_WRAPPER),
                  {QStringLiteral("sh"), QStringLiteral("-c"), probe});
    ASSERT_TRUE(wrapper.waitForFinished(30000)) << "the keyring wrapper did not finish";
    ASSERT_EQ(wrapper.exitCode(), 0) << wrapper.readAllStandardError().toStdString();
    const QStringList lines = QString::fromUtf8(wrapper.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QHash<QString, qint64> pids;
    for (const QString &line : lines) {
        const QStringList parts = line.split(QLatin1Char(' '));
        if (parts.size() == 2)
            pids.insert(parts.at(0), parts.at(1).toLongLong());
    }
    ASSERT_TRUE(pids.value(QStringLiteral("org.freedesktop.DBus")) > 0)
        << "no bus pid: " << lines.join(QLatin1Char('|')).toStdString();
    ASSERT_TRUE(pids.value(QStringLiteral("org.freedesktop.secrets")) > 0)
        << "the keyring did not own org.freedesktop.secrets inside the wrapper";
    for (auto it = pids.cbegin(); it != pids.cend(); ++it) {
        // Daemons exit when their bus goes away; give them a moment to notice.
        const bool gone =
            QTest::qWaitFor([&] { return !kastle::test::processAlive(it.value()); }, 10000);
        EXPECT_TRUE(gone) << it.key().toStdString() << " (pid " << it.value()
                          << ") survived the wrapper";
    }
}

TEST(Keychain, UnavailableKeychainKeepsSecretsInMemoryOnly)
{
    // QtKeychain picks its backend once per process, so the "no keychain" case runs in a child
    // process of this same test binary, with a session bus address that leads nowhere.
    const QString password = QStringLiteral("NoKeyring-secret-9d2e41");
    if (qEnvironmentVariable("KASTLE_KEYCHAIN_CHILD") != QStringLiteral("1")) {
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KASTLE_KEYCHAIN_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
        env.insert(QStringLiteral("HOME"), home.path());
        env.remove(QStringLiteral("DISPLAY")); // no X11 autolaunch of a bus either
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral(
                        "--gtest_filter=Keychain.UnavailableKeychainKeepsSecretsInMemoryOnly")});
        ASSERT_TRUE(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        EXPECT_EQ(child.exitCode(), 0) << output.toStdString();
        EXPECT_TRUE(output.contains("[  PASSED  ] 1 test")) << output.toStdString();
        // Nothing under the child's home or XDG folders holds the secret.
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            EXPECT_FALSE(kastle::test::readFile(file).contains(password.toUtf8()))
                << file.toStdString();
        }
        return;
    }
    SecretStore store;
    const Status stored =
        storeAndWait(store, QStringLiteral("p"), ProfileSecrets{password, {}, {}});
    ASSERT_FALSE(stored.ok());
    EXPECT_TRUE(stored.error().message.contains(QStringLiteral("kept in memory")))
        << stored.error().message.toStdString();
    EXPECT_EQ(store.availability(), SecretStore::Availability::Unavailable);
    EXPECT_FALSE(store.unavailableReason().isEmpty());
    EXPECT_TRUE(store.hasSessionSecrets(QStringLiteral("p")));
    const Result<ProfileSecrets> loaded = loadAndWait(store, QStringLiteral("p"));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    EXPECT_EQ(loaded->password, password);
    // A profile the user has not typed a secret for this run reports the keychain problem.
    const Result<ProfileSecrets> other = loadAndWait(store, QStringLiteral("other"));
    EXPECT_FALSE(other.ok());
}
