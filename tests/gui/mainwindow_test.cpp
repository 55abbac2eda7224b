// The main window offscreen: welcome page, the sandbox entry with a fake and with the real
// (failing) broker, environment colours on the cluster banner, delete with confirmation,
// import review, and the About dialog's versions.
#include "aboutdialog.h"
#include "clusterview.h"
#include "connectiondialog.h"
#include "mainwindow.h"
#include "testhelpers.h"
#include "theme.h"
#include "welcomepage.h"
#include "workspace.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QTranslator>

using namespace kastle;
using core::ClusterStatus;
using core::ConnectionListModel;
using core::Workspace;

namespace {

Workspace::Paths paths(const QTemporaryDir &dir, const QString &broker)
{
    return {dir.filePath(QStringLiteral("kastle.sqlite")), broker,
            dir.filePath(QStringLiteral("sandbox")), QString()};
}

QString fakeBroker()
{
    return QStringLiteral(KASTLE_TEST_DATA_DIR "/../fake-broker.sh");
}

// A workspace on a throw-away data folder whose sandbox "broker" is the fake script.
class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override { ws.open(); }
    QTemporaryDir dir;
    Workspace ws{paths(dir, fakeBroker())};
};

} // namespace

TEST_F(MainWindowTest, StartsOnWelcomePageWithSandboxEntry)
{
    ui::MainWindow w(ws);
    w.show();
    EXPECT_EQ(w.windowTitle(), QStringLiteral("Kastle"));
    EXPECT_TRUE(w.welcomePage()->isVisible());
    ASSERT_EQ(w.sidebar()->model()->rowCount(), 1);
    EXPECT_EQ(w.sidebar()->model()->index(0, 0).data().toString(), QStringLiteral("Local sandbox"));
}

TEST_F(MainWindowTest, SandboxWithFakeBrokerBecomesConnectable)
{
    qunsetenv("FAKE_BROKER_MODE");
    ui::MainWindow w(ws);
    w.show();
    w.connectCluster(ConnectionListModel::sandboxId());
    ConnectionListModel *m = ws.connections();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return ws.sandbox()->state() == core::SandboxController::State::Running; }, 15000));
    EXPECT_EQ(m->sandboxProfile().bootstrapServers, QStringLiteral("127.0.0.1:39092"));
    // The running sandbox is checked like any cluster; the fake script speaks no Kafka, so
    // the check fails and the sidebar says so.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return m->status(ConnectionListModel::sandboxId()) == ClusterStatus::Failed; },
        20000));
    EXPECT_TRUE(m->statusText(ConnectionListModel::sandboxId()).contains(QStringLiteral("39092")))
        << m->statusText(ConnectionListModel::sandboxId()).toStdString();
    ui::ClusterView *view = w.clusterView(ConnectionListModel::sandboxId());
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->isVisible());
    QPushButton *connect = view->findChild<QPushButton *>(QStringLiteral("connectButton"));
    ASSERT_NE(connect, nullptr);
    EXPECT_TRUE(connect->isEnabled());
    ws.sandbox()->stop();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return ws.sandbox()->state() == core::SandboxController::State::Stopped; }, 10000));
}

TEST(MainWindow, RealSandboxIsCheckedWhenReady)
{
    QTemporaryDir dir;
    Workspace ws(paths(dir, kastle::test::binDir() + QStringLiteral("/kastle-broker")));
    ws.open();
    ui::MainWindow w(ws);
    w.show();
    w.connectCluster(ConnectionListModel::sandboxId());
    ConnectionListModel *m = ws.connections();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return m->statusText(ConnectionListModel::sandboxId())
                .startsWith(QStringLiteral("Connected to cluster"));
        },
        30000))
        << m->statusText(ConnectionListModel::sandboxId()).toStdString();
    EXPECT_EQ(m->status(ConnectionListModel::sandboxId()), ClusterStatus::Connected);
    QLabel *status = w.clusterView(ConnectionListModel::sandboxId())
                         ->findChild<QLabel *>(QStringLiteral("clusterStatus"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->isVisible());
    EXPECT_EQ(status->text(), m->statusText(ConnectionListModel::sandboxId()));
}

TEST(MainWindow, RealBrokerFailureShowsHonestlyWithRetry)
{
    QTemporaryDir dir;
    Workspace ws(paths(dir, kastle::test::binDir() + QStringLiteral("/kastle-broker")));
    ws.open();
    ws.sandbox()->setExtraArguments({QStringLiteral("--brokers"), QStringLiteral("0")});
    ui::MainWindow w(ws);
    w.show();
    w.connectCluster(ConnectionListModel::sandboxId());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return ws.sandbox()->state() == core::SandboxController::State::Failed; }, 30000));
    const QString reason = ws.sandbox()->reason();
    EXPECT_TRUE(reason.contains(QStringLiteral("exited with code"))) << reason.toStdString();
    // The sandbox page says so, and offers a retry.
    ui::ClusterView *view = w.clusterView(ConnectionListModel::sandboxId());
    ASSERT_NE(view, nullptr);
    QLabel *state = view->findChild<QLabel *>(QStringLiteral("sandboxState"));
    ASSERT_NE(state, nullptr);
    EXPECT_EQ(state->text(), reason);
    QPushButton *retry = view->findChild<QPushButton *>(QStringLiteral("sandboxStart"));
    ASSERT_NE(retry, nullptr);
    EXPECT_EQ(retry->text(), QStringLiteral("Retry"));
    EXPECT_TRUE(retry->isEnabled());
    EXPECT_EQ(ws.connections()->status(ConnectionListModel::sandboxId()), ClusterStatus::Failed);
    // The welcome page repeats it too.
    QLabel *note = w.welcomePage()->findChild<QLabel *>(QStringLiteral("sandboxNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->text(), reason);
}

TEST_F(MainWindowTest, ProductionBannerAndDeleteWithConfirmation)
{
    core::ConnectionProfile p;
    p.name = QStringLiteral("Billing");
    p.bootstrapServers = QStringLiteral("billing:9092");
    p.environment = core::Environment::Production;
    ASSERT_TRUE(ws.saveProfile(p).ok());
    ui::MainWindow w(ws);
    w.show();
    w.showCluster(p.id);
    ui::ClusterView *view = w.clusterView(p.id);
    ASSERT_NE(view, nullptr);
    QWidget *banner = view->findChild<QWidget *>(QStringLiteral("environmentBanner"));
    ASSERT_NE(banner, nullptr);
    // What is painted, not what is configured: sample the banner's background left of the title.
    const QImage painted = banner->grab().toImage();
    ASSERT_FALSE(painted.isNull());
    EXPECT_EQ(QColor(painted.pixel(6, painted.height() / 2)).name(),
              ui::Theme::environmentColor(core::Environment::Production).name());
    // Every page of the cluster sits under the same banner.
    for (const QString &key : ui::ClusterView::pageKeys()) {
        view->setCurrentPage(key);
        EXPECT_TRUE(banner->isVisible()) << key.toStdString();
    }

    w.deleteConnection(p.id);
    auto *box = w.findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"));
    ASSERT_NE(box, nullptr);
    // Cancel first: nothing happens.
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    EXPECT_EQ(ws.connections()->rowOf(p.id), 1);
    w.deleteConnection(p.id);
    box = nullptr;
    for (QMessageBox *b : w.findChildren<QMessageBox *>(QStringLiteral("deleteConfirmation")))
        if (b->isVisible())
            box = b;
    ASSERT_NE(box, nullptr);
    QAbstractButton *del = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            del = b;
    ASSERT_NE(del, nullptr);
    del->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return ws.connections()->rowOf(p.id) < 0; }, 5000));
    EXPECT_TRUE(ws.store().loadProfiles()->isEmpty());
}

TEST_F(MainWindowTest, ImportOpensReviewAndBadFileImportsNothing)
{
    ui::MainWindow w(ws);
    w.show();
    EXPECT_EQ(w.importConnection(kastle::test::dataFile("client-bad.properties"),
                                 core::PropertyFormat::JavaClient),
              nullptr);
    EXPECT_EQ(ws.connections()->rowCount(), 1);
    auto *error = w.findChild<QMessageBox *>(QStringLiteral("errorBox"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->text().contains(QStringLiteral("line 5:")));

    ui::ConnectionDialog *review = w.importConnection(
        kastle::test::dataFile("client-scram.properties"), core::PropertyFormat::JavaClient);
    ASSERT_NE(review, nullptr);
    EXPECT_EQ(review->profile().username, QStringLiteral("svc-orders"));
    EXPECT_EQ(ws.connections()->rowCount(), 1); // nothing saved before the user confirms
    review->accept();
    ASSERT_TRUE(QTest::qWaitFor([&] { return ws.connections()->rowCount() == 2; }, 5000));
}

TEST_F(MainWindowTest, MoveConnectionPersistsOrder)
{
    QStringList ids;
    for (const char *name : {"one", "two", "three"}) {
        core::ConnectionProfile p;
        p.name = QLatin1String(name);
        p.bootstrapServers = QStringLiteral("h:1");
        ASSERT_TRUE(ws.saveProfile(p).ok());
        ids.append(p.id);
    }
    ui::MainWindow w(ws);
    w.moveConnection(ids.at(2), -1);
    const auto stored = ws.store().loadProfiles();
    ASSERT_EQ(stored->size(), 3);
    EXPECT_EQ(stored->at(1).id, ids.at(2));
    EXPECT_EQ(stored->at(2).id, ids.at(1));
}

TEST(AboutDialog, ShowsVersionsFromCore)
{
    ui::AboutDialog about;
    QLabel *rd = about.findChild<QLabel *>(QStringLiteral("librdkafkaVersion"));
    ASSERT_NE(rd, nullptr);
    EXPECT_TRUE(rd->text().startsWith(QStringLiteral("2."))) << rd->text().toStdString();
    QLabel *qt = about.findChild<QLabel *>(QStringLiteral("qtVersion"));
    ASSERT_NE(qt, nullptr);
    EXPECT_TRUE(qt->text().startsWith(QStringLiteral("6."))) << qt->text().toStdString();
}

TEST(Translations, GermanIsCompiledIn)
{
    QTranslator german;
    ASSERT_TRUE(german.load(QStringLiteral(":/i18n/kastle_de.qm")));
    EXPECT_EQ(german.translate("kastle::ui::WelcomePage", "Welcome to Kastle"),
              QStringLiteral("Willkommen bei Kastle"));
    EXPECT_EQ(german.translate("kastle::core::ConnectionTester",
                               "Connected to cluster %1 with %n broker(s).", nullptr, 3),
              QStringLiteral("Verbunden mit Cluster %1 mit %n Brokern."));
}

TEST_F(MainWindowTest, LayoutIsKeptInTheDatabase)
{
    {
        ui::MainWindow w(ws);
        w.show();
        w.resize(900, 650);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        w.close();
    }
    EXPECT_FALSE(ws.store().uiValue(QStringLiteral("window/geometry")).isEmpty());
    EXPECT_FALSE(ws.store().uiValue(QStringLiteral("window/splitter")).isEmpty());
    ui::MainWindow again(ws);
    EXPECT_EQ(again.size(), QSize(900, 650));
}
