// Groups page: table, detail, lag chart, delete.
#include "groupspage.h"
#include "charts/sparklinedelegate.h"
#include "charts/timeserieschart.h"
#include "models/entityproxies.h"
#include "models/groupmembermodel.h"
#include "models/groupmodel.h"
#include "models/groupoffsetmodel.h"
#include "session/clustersession.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kastle::ui {

using core::GroupMemberModel;
using core::GroupModel;
using core::GroupOffsetModel;

namespace {

// Topic lines of the lag chart; more would be unreadable (the offsets table has every topic).
constexpr int kMaxTopicLines = 12;

void setUpTable(QTableView *table)
{
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
}

// A table of the detail over `model` through `proxy`.
QTableView *makeTable(QSortFilterProxyModel *proxy, QAbstractItemModel *model, const QString &name,
                      QWidget *parent)
{
    proxy->setSourceModel(model);
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(proxy);
    setUpTable(table);
    return table;
}

} // namespace

GroupsPage::GroupsPage(QWidget *parent)
    : ClusterPage(parent)
{
    setObjectName(QStringLiteral("groupsPage"));
    m_model = new GroupModel(this);
    m_proxy = new core::GroupProxy(this);
    m_proxy->setSourceModel(m_model);
    m_members = new GroupMemberModel(this);
    m_offsets = new GroupOffsetModel(this);

    auto *content = new QWidget(this);
    m_views = new QStackedWidget(content);

    // The list.
    auto *list = new QWidget(m_views);
    m_filter = new QLineEdit(list);
    m_filter->setObjectName(QStringLiteral("groupFilter"));
    m_filter->setPlaceholderText(tr("Filter groups (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(list);
    m_count->setObjectName(QStringLiteral("groupCount"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_count, 1);
    m_table = new QTableView(list);
    m_table->setObjectName(QStringLiteral("groupTable"));
    m_table->setModel(m_proxy);
    setUpTable(m_table);
    m_table->sortByColumn(GroupModel::GroupColumn, Qt::AscendingOrder);
    // The columns of the list: group, state, members, topics, lag, trend, lag in time (the
    // assignor is in the detail's summary; the coordinator matters to few).
    m_table->hideColumn(GroupModel::ProtocolColumn);
    m_table->hideColumn(GroupModel::CoordinatorColumn);
    m_table->setColumnWidth(GroupModel::GroupColumn, 240);
    m_table->setColumnWidth(GroupModel::LagTrendColumn, 110);
    m_table->setItemDelegateForColumn(GroupModel::LagTrendColumn,
                                      new SparklineDelegate(GroupModel::TrendRole, m_table));
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 4, 0, 0);
    listLayout->addLayout(bar);
    listLayout->addWidget(m_table, 1);

    // The detail.
    auto *detail = new QWidget(m_views);
    detail->setObjectName(QStringLiteral("groupDetail"));
    auto *back = new QPushButton(tr("← All groups"), detail);
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_title = new QLabel(detail);
    m_summary = new QLabel(detail);
    m_summary->setWordWrap(true);
    m_delete = new QPushButton(Theme::icon(QStringLiteral("delete")), tr("Delete group…"), detail);
    m_delete->setObjectName(QStringLiteral("deleteGroup"));
    QLayout *head = Theme::detailHeader(back, m_title, m_summary, {m_delete});
    m_memberTable = makeTable(new core::GroupMemberProxy(detail), m_members,
                              QStringLiteral("groupMembers"), detail);
    m_memberTable->hideColumn(GroupMemberModel::InstanceColumn);
    m_memberTable->sortByColumn(GroupMemberModel::ClientColumn, Qt::AscendingOrder);
    // A group has few members: the columns fit their contents, except the long generated
    // member id, so the assignment stays in view.
    m_memberTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_memberTable->horizontalHeader()->setSectionResizeMode(GroupMemberModel::MemberColumn,
                                                            QHeaderView::Interactive);
    m_memberTable->setColumnWidth(GroupMemberModel::MemberColumn, 140);
    // What a member was given comes first; its client and host after.
    QHeaderView *memberHeader = m_memberTable->horizontalHeader();
    memberHeader->moveSection(memberHeader->visualIndex(GroupMemberModel::PartitionsColumn), 1);
    memberHeader->moveSection(memberHeader->visualIndex(GroupMemberModel::AssignmentColumn), 2);
    memberHeader->setStretchLastSection(false);
    m_offsetTable = makeTable(new core::GroupOffsetProxy(detail), m_offsets,
                              QStringLiteral("groupOffsets"), detail);
    m_offsetTable->hideColumn(GroupOffsetModel::GroupColumn);
    m_offsetTable->sortByColumn(GroupOffsetModel::TopicColumn, Qt::AscendingOrder);
    m_chart = new TimeSeriesChart(tr("Lag (messages)"), detail);
    m_chart->setObjectName(QStringLiteral("groupLagChart"));
    auto *top = new QSplitter(Qt::Horizontal, detail);
    top->addWidget(m_memberTable);
    top->addWidget(m_offsetTable);
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, detail);
    split->addWidget(top);
    split->addWidget(m_chart);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addLayout(head);
    detailLayout->addWidget(split, 1);

    m_views->addWidget(list);
    m_views->addWidget(detail);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_views);
    setContent(content);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &core::GroupProxy::setSearchText);
    connect(m_filter, &QLineEdit::textChanged, this, &GroupsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &GroupsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &GroupsPage::updateCount);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &i) { openGroup(i.data(GroupModel::KeyRole).toString()); });
    connect(back, &QPushButton::clicked, this, &GroupsPage::showList);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteGroup(m_group); });
}

void GroupsPage::setSession(core::ClusterSession *session, core::MetricsStore *history)
{
    m_chart->setStore(history);
    m_model->setHistory(history);
    if (!session)
        m_model->setSnapshot(nullptr);
    ClusterPage::setSession(session, history);
}

void GroupsPage::refresh()
{
    ClusterPage::refresh();
    m_chart->reload();
}

void GroupsPage::showSnapshot(const core::ClusterSnapshotPtr &s)
{
    m_model->setSnapshot(s);
    const bool described = s && s->coverage.testFlag(core::Coverage::Groups);
    if (s && s->coverage.testFlag(core::Coverage::Metadata) && !described)
        showState(PageState::Loading, tr("Loading consumer groups…"));
    else
        showSessionState(s, s && !s->groups->groups.empty(),
                         tr("No consumer groups on this cluster yet. Groups appear here as soon "
                            "as a consumer with a group id connects."));
    updateCount();
    if (!m_group.isEmpty())
        showDetail(s);
}

void GroupsPage::updateCount()
{
    const int shown = m_proxy->rowCount(), all = m_model->rowCount();
    if (shown == 0 && all > 0)
        m_count->setText(tr("No group matches the filter (%n group(s) in all).", nullptr, all));
    else
        m_count->setText(shown == all ? tr("%n group(s)", nullptr, all)
                                      : tr("%1 of %n group(s)", nullptr, all).arg(shown));
}

void GroupsPage::openGroup(const QString &groupId)
{
    if (groupId.isEmpty())
        return;
    m_group = groupId;
    m_title->setText(groupId);
    m_chartTopics.clear();
    m_chart->clearLines();
    m_members->setGroupId(groupId);
    m_offsets->setGroupId(groupId);
    m_views->setCurrentIndex(1);
    showDetail(snapshot());
}

void GroupsPage::showList()
{
    m_group.clear();
    m_views->setCurrentIndex(0);
    m_table->setFocus();
}

void GroupsPage::rebuildChart(const core::GroupSnapshot *g)
{
    QStringList topics;
    for (const core::GroupOffset &o : g->offsets)
        if ((topics.isEmpty() || topics.constLast() != o.topic) && topics.size() < kMaxTopicLines)
            topics.append(o.topic);
    if (topics == m_chartTopics && m_chart->lineCount() > 0)
        return;
    m_chartTopics = topics;
    m_chart->clearLines();
    m_chart->addLine(tr("total"), core::EntityKind::Group, g->groupId, core::Metric::Lag,
                     tr("messages"));
    // Per topic: the history keeps each (group, topic) lag (see framebuilder.h), so every range
    // fills from it at once; snapshots then append the live figure.
    for (const QString &t : topics)
        m_chart->addLine(t, core::EntityKind::GroupTopic, core::groupTopicEntityName(g->groupId, t),
                         core::Metric::Lag, tr("messages"));
    m_chart->setStore(history()); // reloads every line for the range
}

void GroupsPage::showDetail(const core::ClusterSnapshotPtr &s)
{
    // The member and offset models follow the snapshot themselves (rows merged in place).
    m_members->setSnapshot(s);
    m_offsets->setSnapshot(s);
    const core::GroupSnapshot *g = s ? s->groups->find(m_group) : nullptr;
    if (!g) {
        m_summary->setText(s ? tr("This group no longer exists.") : QString());
        return;
    }
    m_summary->setText(
        tr("%1, %n member(s), total lag %2, protocol %3", nullptr, int(g->members.size()))
            .arg(g->state.isEmpty() ? tr("state unknown") : g->state,
                 core::formatCount(g->totalLag), g->protocol.isEmpty() ? tr("none") : g->protocol));
    const QString refusal = deleteRefusal(m_group);
    m_delete->setToolTip(refusal);

    rebuildChart(g);
    m_chart->refreshTail();
    for (int i = 0; i < m_chartTopics.size(); ++i) {
        int64_t lag = 0;
        bool known = false;
        for (const core::GroupOffset &o : g->offsets)
            if (o.topic == m_chartTopics[i] && o.lag >= 0) {
                lag += o.lag;
                known = true;
            }
        if (known && g->offsetsAtMs > 0)
            m_chart->appendPoint(1 + i, g->offsetsAtMs, double(lag));
    }
}

QString GroupsPage::deleteRefusal(const QString &groupId) const
{
    const core::ClusterSnapshotPtr s = snapshot();
    const core::GroupSnapshot *g = s ? s->groups->find(groupId) : nullptr;
    if (!g)
        return tr("The group %1 is not known to the cluster.").arg(groupId);
    if (!g->members.empty())
        return tr("The group %1 has %n active member(s). Stop its consumers first: Kafka only "
                  "deletes groups without members.",
                  nullptr, int(g->members.size()))
            .arg(groupId);
    return {};
}

QDialog *GroupsPage::deleteGroup(const QString &groupId)
{
    if (!session() || groupId.isEmpty())
        return nullptr;
    if (const QString refusal = deleteRefusal(groupId); !refusal.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Cannot delete the group"),
                                    refusal, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("deleteGroupRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return box;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete group %1").arg(groupId),
                                tr("Delete the consumer group %1 and its committed offsets? "
                                   "Consumers that join it later start from their "
                                   "auto.offset.reset position.")
                                    .arg(groupId),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteGroupConfirm"));
    box->addButton(tr("Delete group"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, groupId](QAbstractButton *b) {
        if (box->buttonRole(b) != QMessageBox::DestructiveRole || !session())
            return;
        session()->deleteGroup(groupId).then(this, [this, groupId](const core::Status &s) {
            if (!s) {
                Q_EMIT operationFinished(false, s.error().message);
                auto *err = new QMessageBox(QMessageBox::Warning, tr("Could not delete the group"),
                                            s.error().message, QMessageBox::Ok, this);
                err->setAttribute(Qt::WA_DeleteOnClose);
                err->open();
                return;
            }
            Q_EMIT operationFinished(true, tr("Group %1 deleted.").arg(groupId));
            showList();
            refresh();
        });
    });
    box->open();
    return box;
}

} // namespace kastle::ui
