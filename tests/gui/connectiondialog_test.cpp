// The connection dialog driven like a person would: typing with QTest, pressing Save, and
// finding the new cluster in the sidebar; inline validation and fields per protocol.
#include "clusterview.h"
#include "connectiondialog.h"
#include "mainwindow.h"
#include "testhelpers.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>

using namespace kastle;
using core::Workspace;

namespace {

Workspace::Paths tempPaths(const QTemporaryDir &dir)
{
    return {dir.filePath(QStringLiteral("kastle.sqlite")),
            QStringLiteral(KASTLE_TEST_DATA_DIR "/../fake-broker.sh"),
            dir.filePath(QStringLiteral("sandbox")), QString()};
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
}

void pickComboItem(QComboBox *combo, const QString &text)
{
    combo->setFocus();
    const int target = combo->findText(text);
    ASSERT_GE(target, 0) << text.toStdString();
    while (combo->currentIndex() != target) {
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    }
}

QStringList sidebarNames(QListView *view)
{
    QStringList names;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        names.append(view->model()->index(r, 0).data().toString());
    return names;
}

class ConnectionDialogTest : public ::testing::Test
{
protected:
    void SetUp() override { ws.open(); }
    QTemporaryDir dir;
    Workspace ws{tempPaths(dir)};
};

} // namespace

TEST_F(ConnectionDialogTest, AddedProfileAppearsInSidebar)
{
    ui::MainWindow window(ws);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    ui::ConnectionDialog *dialog = window.addConnection();
    ASSERT_TRUE(dialog && dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Orders staging"));
    pickComboItem(child<QComboBox>(dialog, "environmentCombo"), QStringLiteral("Staging"));
    QTest::keyClicks(child<QLineEdit>(dialog, "bootstrapEdit"),
                     QStringLiteral("kafka-a:9092, kafka-b:9092"));
    pickComboItem(child<QComboBox>(dialog, "protocolCombo"), QStringLiteral("SASL_PLAINTEXT"));
    pickComboItem(child<QComboBox>(dialog, "mechanismCombo"), QStringLiteral("SCRAM-SHA-512"));
    QTest::keyClicks(child<QLineEdit>(dialog, "usernameEdit"), QStringLiteral("orders"));
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("pw-typed-in-test"));
    QPointer<ui::ConnectionDialog> guard(dialog);
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return guard.isNull() || !guard->isVisible(); }, 5000))
        << "the dialog did not accept";

    QListView *sidebar = window.sidebar();
    EXPECT_TRUE(sidebarNames(sidebar).contains(QStringLiteral("Orders staging")))
        << sidebarNames(sidebar).join(QLatin1Char(',')).toStdString();
    // The new entry is selected and its cluster view shown.
    EXPECT_EQ(sidebar->currentIndex().data().toString(), QStringLiteral("Orders staging"));
    ASSERT_NE(window.clusterView(window.currentClusterId()), nullptr);
    EXPECT_TRUE(window.clusterView(window.currentClusterId())->isVisible());

    // Persisted, with the secret in the keychain and not in the profile.
    auto stored = ws.store().loadProfiles();
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->size(), 1);
    const core::ConnectionProfile &p = stored->at(0);
    EXPECT_EQ(p.environment, core::Environment::Staging);
    EXPECT_EQ(p.securityProtocol, core::SecurityProtocol::SaslPlaintext);
    EXPECT_EQ(p.saslMechanism, core::SaslMechanism::ScramSha512);
    EXPECT_EQ(p.bootstrapServers, QStringLiteral("kafka-a:9092, kafka-b:9092"));
    std::optional<core::Result<core::ProfileSecrets>> secrets;
    QObject ctx;
    ws.secrets()->load(p.id, &ctx, [&](core::Result<core::ProfileSecrets> r) { secrets = r; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return secrets.has_value(); }, 20000));
    ASSERT_TRUE(secrets->ok()) << secrets->error().message.toStdString();
    EXPECT_EQ((*secrets)->password, QStringLiteral("pw-typed-in-test"));
}

TEST_F(ConnectionDialogTest, ValidatesInlineAndKeepsDialogOpen)
{
    ui::ConnectionDialog dialog(ws);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("x"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "bootstrapEdit"),
                     QStringLiteral("host-without-port"));
    // The touched field explains itself right away.
    const auto visibleErrors = [&] {
        QStringList texts;
        for (QLabel *l : dialog.findChildren<QLabel *>(QStringLiteral("fieldError")))
            if (l->isVisible() && !l->text().isEmpty())
                texts.append(l->text());
        return texts;
    };
    ASSERT_EQ(visibleErrors().size(), 1);
    EXPECT_TRUE(visibleErrors().at(0).contains(QStringLiteral("host-without-port")));

    dialog.accept();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.result(), QDialog::Rejected);

    QLineEdit *bootstrap = child<QLineEdit>(&dialog, "bootstrapEdit");
    bootstrap->clear();
    QTest::keyClicks(bootstrap, QStringLiteral("host:9092"));
    EXPECT_TRUE(visibleErrors().isEmpty()) << visibleErrors().join(QLatin1Char('|')).toStdString();
    // SASL with PLAIN needs a user name and a password.
    pickComboItem(child<QComboBox>(&dialog, "protocolCombo"), QStringLiteral("SASL_SSL"));
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(visibleErrors().size(), 2) << visibleErrors().join(QLatin1Char('|')).toStdString();
}

TEST_F(ConnectionDialogTest, ShowsOnlyFieldsThatApply)
{
    ui::ConnectionDialog dialog(ws);
    dialog.show();
    QLineEdit *password = child<QLineEdit>(&dialog, "passwordEdit");
    QLineEdit *token = child<QLineEdit>(&dialog, "tokenEdit");
    QLineEdit *ca = child<QLineEdit>(&dialog, "caFileEdit");
    QComboBox *protocol = child<QComboBox>(&dialog, "protocolCombo");

    EXPECT_FALSE(password->isVisible());
    EXPECT_FALSE(ca->isVisible());
    pickComboItem(protocol, QStringLiteral("SSL"));
    EXPECT_TRUE(ca->isVisible());
    EXPECT_FALSE(password->isVisible());
    pickComboItem(protocol, QStringLiteral("SASL_SSL"));
    EXPECT_TRUE(password->isVisible());
    EXPECT_FALSE(token->isVisible());
    pickComboItem(child<QComboBox>(&dialog, "mechanismCombo"), QStringLiteral("OAUTHBEARER"));
    EXPECT_FALSE(password->isVisible());
    EXPECT_TRUE(token->isVisible());

    // Turning host name verification off shows a warning; it does not block saving.
    QCheckBox *verify = child<QCheckBox>(&dialog, "verifyHostnameCheck");
    verify->setFocus();
    QTest::keyClick(verify, Qt::Key_Space);
    EXPECT_FALSE(verify->isChecked());
    bool shown = false;
    for (QLabel *l : dialog.findChildren<QLabel *>(QStringLiteral("fieldWarning")))
        shown = shown || (l->isVisible() && l->text().contains(QStringLiteral("verification")));
    EXPECT_TRUE(shown);
    const auto issues = dialog.issues();
    bool warned = false;
    for (const auto &i : issues)
        warned = warned || (i.field == core::ProfileField::VerifyHostname && i.warning);
    EXPECT_TRUE(warned);
}
