// The cluster pages offscreen against the real sandbox broker: starting the sandbox and seeing
// its topics, filtering, the delete-confirm flow, config editing with review, group deletion
// refused while members are active, the jump palette, and create-topic validation.
#include "clusterview.h"
#include "mainwindow.h"
#include "models/entityproxies.h"
#include "models/groupmembermodel.h"
#include "models/groupmodel.h"
#include "models/groupoffsetmodel.h"
#include "models/partitionmodel.h"
#include "models/topicmodel.h"
#include "pages/configeditor.h"
#include "pages/groupspage.h"
#include "pages/overviewpage.h"
#include "pages/topicdetail.h"
#include "pages/topicdialogs.h"
#include "pages/topicspage.h"
#include "testhelpers.h"
#include "widgets/jumppalette.h"
#include "workspace.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>

using namespace kastle;
using core::ConnectionListModel;
using core::Workspace;
using State = core::SandboxController::State;

namespace {

Workspace::Paths realPaths(const QTemporaryDir &dir)
{
    return {dir.filePath(QStringLiteral("kastle.sqlite")),
            test::binDir() + QStringLiteral("/kastle-broker"),
            dir.filePath(QStringLiteral("sandbox")), dir.filePath(QStringLiteral("metrics"))};
}

// A main window whose sandbox is the real kastle-broker, started like `kastle --sandbox` does,
// with short session intervals so the test does not wait for the defaults.
class PagesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ws.open();
        core::AppSettings settings = ws.settings();
        settings.metadataRefreshSeconds = 1;
        settings.offsetsRefreshSeconds = 1;
        ws.setSettings(settings);
        window = std::make_unique<ui::MainWindow>(ws);
        window->show();
        window->connectCluster(ConnectionListModel::sandboxId());
        ASSERT_TRUE(QTest::qWaitFor([&] { return ws.sandbox()->state() == State::Running; }, 20000))
            << ws.sandbox()->stateText().toStdString();
        ASSERT_TRUE(QTest::qWaitFor([&] { return ws.session(sandbox()) != nullptr; }, 5000));
        view = window->clusterView(sandbox());
        ASSERT_NE(view, nullptr);
        topics = view->topicsPage();
    }
    void TearDown() override
    {
        ws.sampleData()->stop();
        window.reset();
        ws.sandbox()->stop();
        EXPECT_TRUE(QTest::qWaitFor([&] { return ws.sandbox()->state() == State::Stopped; }, 10000))
            << "the sandbox did not stop";
    }
    static QString sandbox() { return ConnectionListModel::sandboxId(); }

    bool createTopic(const QString &name, int partitions)
    {
        core::NewTopic t;
        t.name = name;
        t.partitions = partitions;
        t.replicationFactor = 1;
        QFuture<core::Status> f = ws.session(sandbox())->createTopic(t);
        if (!QTest::qWaitFor([&] { return f.isFinished(); }, 15000) || !f.result())
            return false;
        ws.session(sandbox())->refresh();
        return QTest::qWaitFor([&] { return topics->model()->rowOf(name) >= 0; }, 15000);
    }

    QTemporaryDir dir;
    Workspace ws{realPaths(dir)};
    std::unique_ptr<ui::MainWindow> window;
    ui::ClusterView *view = nullptr;
    ui::TopicsPage *topics = nullptr;
};

} // namespace

TEST_F(PagesTest, SandboxSampleTopicsAppearAndTheFilterNarrowsThem)
{
    ws.sampleData()->start(ws.sandbox()->bootstrap(), 200);
    view->setCurrentPage(QStringLiteral("topics"));
    for (const core::SampleData::TopicSpec &t : core::SampleData::topics())
        ASSERT_TRUE(QTest::qWaitFor([&] { return topics->model()->rowOf(t.name) >= 0; }, 30000))
            << t.name.toStdString();
    EXPECT_TRUE(topics->showingContent()) << topics->stateText().toStdString();
    const int row = topics->model()->rowOf(QStringLiteral("page-views"));
    EXPECT_EQ(topics->model()->index(row, core::TopicModel::PartitionsColumn).data().toString(),
              QStringLiteral("12"));
    // Messages arrive and are counted.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const int r = topics->model()->rowOf(QStringLiteral("page-views"));
            return topics->model()
                       ->index(r, core::TopicModel::MessagesColumn)
                       .data(core::TopicModel::SortRole)
                       .toDouble() > 0;
        },
        30000));

    const int all = topics->proxy()->rowCount();
    EXPECT_GE(all, 5);
    window->focusFilter(); // Ctrl+F with the topics page in front
    EXPECT_TRUE(topics->filterEdit()->hasFocus() || !window->isActiveWindow());
    QTest::keyClicks(topics->filterEdit(), QStringLiteral("PAY"));
    EXPECT_EQ(topics->proxy()->rowCount(), 1);
    EXPECT_EQ(topics->proxy()->index(0, 0).data(core::TopicModel::KeyRole).toString(),
              QStringLiteral("payments"));
    topics->filterEdit()->clear();
    EXPECT_EQ(topics->proxy()->rowCount(), all);

    // The overview counts the same topics.
    ui::OverviewPage *overview = view->overviewPage();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return overview->tileText(QStringLiteral("topics")).toInt() >= 5; }, 10000))
        << overview->tileText(QStringLiteral("topics")).toStdString();
}

TEST_F(PagesTest, DeleteNeedsTheTypedNameAndRemovesTheTopic)
{
    ASSERT_TRUE(createTopic(QStringLiteral("doomed"), 2));
    ASSERT_TRUE(createTopic(QStringLiteral("kept"), 1));
    QDialog *d = topics->deleteTopic(QStringLiteral("doomed"));
    auto *dialog = qobject_cast<ui::DeleteTopicDialog *>(d);
    ASSERT_NE(dialog, nullptr);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    QTest::keyClicks(dialog->confirmEdit(), QStringLiteral("doome"));
    EXPECT_FALSE(ok->isEnabled());
    QTest::keyClicks(dialog->confirmEdit(), QStringLiteral("dd"));
    EXPECT_FALSE(ok->isEnabled()); // "doomedd"
    QTest::keyClick(dialog->confirmEdit(), Qt::Key_Backspace);
    EXPECT_TRUE(ok->isEnabled());
    QSignalSpy finished(topics, &ui::TopicsPage::operationFinished);
    ok->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, 15000));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(1).toString().toStdString();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return topics->model()->rowOf(QStringLiteral("doomed")) < 0; }, 15000));
    EXPECT_GE(topics->model()->rowOf(QStringLiteral("kept")), 0);

    // A cancelled dialog deletes nothing.
    auto *cancelled =
        qobject_cast<ui::DeleteTopicDialog *>(topics->deleteTopic(QStringLiteral("kept")));
    ASSERT_NE(cancelled, nullptr);
    QTest::keyClicks(cancelled->confirmEdit(), QStringLiteral("kept"));
    cancelled->reject();
    QTest::qWait(1500);
    EXPECT_GE(topics->model()->rowOf(QStringLiteral("kept")), 0);
}

TEST_F(PagesTest, ProductionClustersAlsoNeedTheAcknowledgement)
{
    ui::DeleteTopicDialog d(QStringLiteral("orders"), true);
    QPushButton *ok = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    ASSERT_NE(d.productionBox(), nullptr);
    EXPECT_NE(d.findChild<QLabel *>(QStringLiteral("productionWarning")), nullptr);
    QTest::keyClicks(d.confirmEdit(), QStringLiteral("orders"));
    EXPECT_FALSE(ok->isEnabled());
    d.productionBox()->setChecked(true);
    EXPECT_TRUE(ok->isEnabled());
    ui::DeleteTopicDialog dev(QStringLiteral("orders"), false);
    EXPECT_EQ(dev.productionBox(), nullptr);
}

TEST_F(PagesTest, ConfigChangesAreReviewedThenApplied)
{
    ASSERT_TRUE(createTopic(QStringLiteral("configured"), 1));
    QSignalSpy opened(topics, &ui::TopicsPage::configEditorOpened);
    topics->editConfigs(QStringLiteral("configured"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return opened.count() > 0; }, 15000));
    auto *editor = opened.at(0).at(0).value<ui::ConfigEditorDialog *>();
    ASSERT_NE(editor, nullptr);
    ui::ConfigTableModel *model = editor->model();
    ASSERT_GT(model->rowCount(), 5);
    EXPECT_TRUE(model->changes().empty());
    ASSERT_TRUE(model->setValue(QStringLiteral("retention.ms"), QStringLiteral("3600000")));
    ASSERT_EQ(model->changes().size(), 1u);
    editor->review();
    EXPECT_TRUE(editor->reviewing());
    EXPECT_TRUE(editor->reviewText().contains(QStringLiteral("retention.ms")));
    EXPECT_TRUE(editor->reviewText().contains(QStringLiteral("3600000")));
    QSignalSpy finished(topics, &ui::TopicsPage::operationFinished);
    editor->findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() > 0; }, 15000));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(1).toString().toStdString();

    // The cluster has it now, as a topic override.
    QFuture<core::Result<core::ConfigSet>> f = ws.session(sandbox())->describeConfigs(
        core::ConfigResourceType::Topic, QStringLiteral("configured"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.isFinished(); }, 15000));
    const core::Result<core::ConfigSet> set = f.result();
    ASSERT_TRUE(set) << set.error().message.toStdString();
    bool found = false;
    for (const core::ConfigEntry &e : set->entries)
        if (e.name == QLatin1String("retention.ms")) {
            found = true;
            EXPECT_EQ(e.value, QStringLiteral("3600000"));
            EXPECT_EQ(e.source, core::ConfigSource::DynamicTopic);
        }
    EXPECT_TRUE(found);
}

TEST_F(PagesTest, GroupWithActiveMembersCannotBeDeletedAndTheRefusalSaysWhy)
{
    ws.sampleData()->start(ws.sandbox()->bootstrap(), 100);
    ui::GroupsPage *groups = view->groupsPage();
    const QString lagging = QStringLiteral("order-fulfilment");
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const core::ClusterSnapshotPtr s = groups->snapshot();
            const core::GroupSnapshot *g = s ? s->groups->find(lagging) : nullptr;
            return g && !g->members.empty();
        },
        45000));
    EXPECT_FALSE(groups->deleteRefusal(lagging).isEmpty());
    EXPECT_TRUE(groups->deleteRefusal(lagging).contains(QStringLiteral("member")));
    QDialog *box = groups->deleteGroup(lagging);
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->objectName(), QStringLiteral("deleteGroupRefused"));
    box->close();
    groups->openGroup(lagging);
    EXPECT_EQ(groups->openedGroup(), lagging);
    // The list and the detail read the entity models: the group's row, members and offsets.
    EXPECT_GE(groups->model()->rowOf(lagging), 0);
    EXPECT_GE(groups->members()->rowCount(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return groups->offsets()->rowCount() > 0; }, 15000));
    EXPECT_EQ(groups->offsets()->index(0, 0).data(core::GroupOffsetModel::GroupRole).toString(),
              lagging);

    // The filter narrows the list, and the count says so.
    groups->showList();
    ASSERT_TRUE(QTest::qWaitFor([&] { return groups->model()->rowCount() >= 2; }, 30000));
    const int all = groups->model()->rowCount();
    groups->filterEdit()->setText(QStringLiteral("FULFIL"));
    EXPECT_EQ(groups->proxy()->rowCount(), 1);
    auto *count = groups->findChild<QLabel *>(QStringLiteral("groupCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_TRUE(count->text().contains(QStringLiteral("1 of %1").arg(all)))
        << count->text().toStdString();
    groups->filterEdit()->clear();
    EXPECT_EQ(groups->proxy()->rowCount(), all);
}

TEST_F(PagesTest, JumpPaletteFindsTopicsAndOpensThem)
{
    ASSERT_TRUE(createTopic(QStringLiteral("invoices"), 3));
    ASSERT_TRUE(createTopic(QStringLiteral("shipments"), 1));
    ui::JumpPalette *palette = window->showJumpPalette();
    ASSERT_NE(palette, nullptr);
    QTest::keyClicks(palette->input(), QStringLiteral("invoi"));
    EXPECT_EQ(palette->visibleCount(), 1);
    palette->choose();
    EXPECT_EQ(view->currentPage(), QStringLiteral("topics"));
    EXPECT_EQ(topics->detail()->topic(), QStringLiteral("invoices"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return topics->detail()->partitions()->rowCount() == 3; }, 10000));
}

TEST(CreateTopicDialog, ValidatesBeforeSending)
{
    ui::CreateTopicDialog d({QStringLiteral("orders")}, 1);
    QPushButton *ok = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled()); // empty name
    QTest::keyClicks(d.nameEdit(), QStringLiteral("bad name"));
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_FALSE(d.problem().isEmpty());
    d.nameEdit()->setText(QStringLiteral("orders"));
    EXPECT_TRUE(d.problem().contains(QStringLiteral("exists")));
    d.nameEdit()->setText(QStringLiteral("orders.v2"));
    d.replicationBox()->setValue(1);
    EXPECT_TRUE(ok->isEnabled()) << d.problem().toStdString();
    d.replicationBox()->setValue(3); // one broker only
    EXPECT_FALSE(ok->isEnabled());
    d.replicationBox()->setValue(1);
    d.partitionsBox()->setValue(4);
    const core::NewTopic t = d.topic();
    EXPECT_EQ(t.name, QStringLiteral("orders.v2"));
    EXPECT_EQ(t.partitions, 4);
    EXPECT_EQ(t.replicationFactor, 1);
    EXPECT_EQ(ui::CreateTopicDialog::nameProblem(QString(250, QLatin1Char('a'))).isEmpty(), false);
    EXPECT_TRUE(ui::CreateTopicDialog::nameProblem(QStringLiteral("..")).size() > 0);
}
