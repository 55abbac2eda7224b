// Topic detail: partitions, throughput chart, consuming groups.
#include "topicdetail.h"
#include "charts/timeserieschart.h"
#include "models/entityproxies.h"
#include "models/groupoffsetmodel.h"
#include "models/partitionmodel.h"
#include "theme.h"
#include "widgets/severitydelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kastle::ui {

namespace {

// Partition lines drawn live; more would be unreadable (the table has every partition).
constexpr int kMaxPartitionLines = 8;

// The entity proxies sort by EntityRole::Sort (numbers as numbers).
QTableView *makeTable(QAbstractItemModel *model, core::EntityFilterProxy *proxy,
                      const QString &name, int sortColumn, QWidget *parent)
{
    proxy->setSourceModel(model);
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(sortColumn, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

TopicDetail::TopicDetail(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("topicDetail"));
    auto *back = new QPushButton(tr("← All topics"), this);
    back->setObjectName(QStringLiteral("backToTopics"));
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("topicTitle"));
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *configs = new QPushButton(Theme::icon(QStringLiteral("settings")), tr("Configs…"), this);
    auto *add = new QPushButton(tr("Add partitions…"), this);
    auto *del = new QPushButton(Theme::icon(QStringLiteral("delete")), tr("Delete…"), this);
    QLayout *head = Theme::detailHeader(back, m_title, m_summary, {configs, add, del});

    m_partitions = new core::PartitionModel(this);
    m_partitionProxy = new core::PartitionProxy(this);
    m_consumers = new core::GroupOffsetModel(this);
    m_partitionTable = makeTable(m_partitions, m_partitionProxy, QStringLiteral("partitionTable"),
                                 core::PartitionModel::PartitionColumn, this);
    m_partitionTable->hideColumn(core::PartitionModel::TopicColumn); // one topic: no news
    for (int column : {core::PartitionModel::IsrColumn, core::PartitionModel::StatusColumn})
        m_partitionTable->setItemDelegateForColumn(column, new SeverityDelegate(m_partitionTable));
    m_consumerTable = makeTable(m_consumers, new core::GroupOffsetProxy(this),
                                QStringLiteral("topicConsumers"), 0, this);
    m_consumerTable->hideColumn(core::GroupOffsetModel::TopicColumn);
    m_chart = new TimeSeriesChart(tr("Messages per second"), this);
    m_chart->setObjectName(QStringLiteral("topicChart"));
    m_chart->setRange(TimeSeriesChart::Range::FiveMinutes);

    auto *consumersBox = new QWidget(this);
    auto *consumersLayout = new QVBoxLayout(consumersBox);
    consumersLayout->setContentsMargins(0, 0, 0, 0);
    consumersLayout->addWidget(new QLabel(tr("Consumer groups reading this topic"), consumersBox));
    consumersLayout->addWidget(m_consumerTable, 1);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_chart);
    bottom->addWidget(consumersBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_partitionTable);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(head);
    layout->addWidget(split, 1);

    connect(back, &QPushButton::clicked, this, &TopicDetail::backRequested);
    connect(configs, &QPushButton::clicked, this, [this] { Q_EMIT configsRequested(m_topic); });
    connect(add, &QPushButton::clicked, this, [this] { Q_EMIT addPartitionsRequested(m_topic); });
    connect(del, &QPushButton::clicked, this, [this] { Q_EMIT deleteRequested(m_topic); });
}

void TopicDetail::setHistory(core::MetricsStore *history)
{
    m_history = history;
    m_chart->setStore(history);
}

void TopicDetail::showTopic(const QString &name)
{
    m_topic = name;
    m_title->setText(name);
    m_consumers->setTopic(name);
    // An empty name would mean every partition of the cluster: the rows of the topic before
    // go first, then the new topic's come with the snapshot.
    m_partitions->setSnapshot(nullptr);
    m_partitions->setTopic(name);
    rebuildChart();
    setSnapshot(m_snapshot);
}

void TopicDetail::rebuildChart()
{
    m_chart->clearLines();
    m_chart->addLine(tr("%1 (all partitions)").arg(m_topic), core::EntityKind::Topic, m_topic,
                     core::Metric::MessagesPerSecond, tr("msg/s"));
    // Partition lines: the range is filled from the history (which records a partition when its
    // figures change, at most once a minute), then each snapshot appends the partition's rate.
    m_chartPartitions = 0;
    const core::TopicSnapshot *t = m_snapshot ? m_snapshot->topics->find(m_topic) : nullptr;
    const int n = t ? std::min<int>(int(t->partitions.size()), kMaxPartitionLines) : 0;
    for (int p = 0; p < n; ++p)
        m_chart->addLine(tr("partition %1").arg(p), core::EntityKind::Partition,
                         core::partitionEntityName(m_topic, p), core::Metric::MessagesPerSecond,
                         tr("msg/s"));
    m_chartPartitions = n;
    m_chart->setStore(m_history); // reloads every line for the range
}

void TopicDetail::reloadCharts()
{
    m_chart->reload();
}

void TopicDetail::setSnapshot(const core::ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    if (m_topic.isEmpty())
        return;
    const core::TopicSnapshot *t = snapshot ? snapshot->topics->find(m_topic) : nullptr;
    m_partitions->setSnapshot(snapshot); // the rows of m_topic (none once it is gone)
    if (!t) {
        m_summary->setText(snapshot ? tr("This topic no longer exists.") : QString());
        m_consumers->setSnapshot(nullptr);
        return;
    }
    m_consumers->setSnapshot(snapshot);
    m_summary->setText(tr("%n partition(s), replication factor %1, %2 messages, %3, %4 msg/s",
                          nullptr, int(t->partitions.size()))
                           .arg(t->replicationFactor)
                           .arg(core::formatCount(t->messageCount), core::formatBytes(t->sizeBytes),
                                core::formatRate(t->messagesPerSecond)));
    if (int(t->partitions.size()) != m_chartPartitions && m_chartPartitions < kMaxPartitionLines)
        rebuildChart();
    if (snapshot->offsetsAtMs != m_lastOffsetsAt) {
        m_lastOffsetsAt = snapshot->offsetsAtMs;
        m_chart->refreshTail();
        for (int p = 0; p < m_chartPartitions; ++p) {
            const core::PartitionSnapshot &ps = t->partitions[size_t(p)];
            if (ps.messagesPerSecond >= 0)
                m_chart->appendPoint(1 + p, snapshot->offsetsAtMs, ps.messagesPerSecond);
        }
    }
}

} // namespace kastle::ui
