// Overview page: tiles, four history charts, event timeline.
#include "overviewpage.h"
#include "charts/timeserieschart.h"
#include "history/metricsstore.h"
#include "models/entityproxies.h"
#include "models/eventmodel.h"
#include "session/clustersession.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace kastle::ui {

namespace {

constexpr int kMaxEvents = 500;

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : ClusterPage(parent)
{
    setObjectName(QStringLiteral("overviewPage"));
    auto *content = new QWidget(this);

    auto *tiles = new QGridLayout;
    tiles->setSpacing(8);
    const QList<std::pair<QString, QString>> names = {
        {QStringLiteral("brokers"), tr("Brokers")},
        {QStringLiteral("topics"), tr("Topics")},
        {QStringLiteral("partitions"), tr("Partitions")},
        {QStringLiteral("underReplicated"), tr("Under-replicated")},
        {QStringLiteral("offline"), tr("Offline")},
        {QStringLiteral("groups"), tr("Consumer groups")},
        {QStringLiteral("lag"), tr("Total lag")},
        {QStringLiteral("rate"), tr("Messages/s in")},
    };
    for (int i = 0; i < names.size(); ++i) {
        auto *tile = new QFrame(content);
        tile->setObjectName(QStringLiteral("overviewTile"));
        tile->setFrameShape(QFrame::StyledPanel);
        auto *value = new QLabel(QStringLiteral("–"), tile);
        value->setObjectName(names[i].first);
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setBold(true);
        value->setFont(f);
        auto *caption = new QLabel(names[i].second, tile);
        auto *l = new QVBoxLayout(tile);
        l->setContentsMargins(10, 6, 10, 6);
        l->setSpacing(0);
        l->addWidget(value);
        l->addWidget(caption);
        tiles->addWidget(tile, i / 4, i % 4);
        m_tiles.insert(names[i].first, value);
    }

    const auto chart = [this, content](const QString &title, core::Metric metric,
                                       const QString &unit) {
        auto *c = new TimeSeriesChart(title, content);
        c->addLine(title, core::EntityKind::Cluster, QString(), metric, unit);
        m_charts.append(c);
        return c;
    };
    auto *grid = new QGridLayout;
    grid->setSpacing(6);
    grid->addWidget(chart(tr("Messages/s in"), core::Metric::MessagesPerSecond, tr("msg/s")), 0, 0);
    grid->addWidget(chart(tr("Bytes/s (where known)"), core::Metric::BytesPerSecond, tr("B/s")), 0,
                    1);
    grid->addWidget(chart(tr("Total consumer lag"), core::Metric::Lag, tr("messages")), 1, 0);
    grid->addWidget(
        chart(tr("Under-replicated partitions"), core::Metric::UnderReplicated, QString()), 1, 1);
    m_charts[0]->setObjectName(QStringLiteral("rateChart"));
    auto *charts = new QWidget(content);
    charts->setLayout(grid);

    m_events = new core::EventModel(kMaxEvents, this);
    m_eventProxy = new core::EventProxy(this);
    m_eventProxy->setSourceModel(m_events);
    m_timeline = new QTreeView(content);
    m_timeline->setObjectName(QStringLiteral("eventTimeline"));
    m_timeline->setModel(m_eventProxy);
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->setSortingEnabled(true);
    m_timeline->sortByColumn(core::EventModel::TimeColumn, Qt::DescendingOrder); // newest first
    // Time and sentence; the sentence already names the entity and the change.
    for (int column : {core::EventModel::KindColumn, core::EventModel::EntityColumn,
                       core::EventModel::ChangeColumn})
        m_timeline->hideColumn(column);
    m_timeline->header()->setSectionResizeMode(core::EventModel::TimeColumn,
                                               QHeaderView::ResizeToContents);
    auto *eventsBox = new QWidget(content);
    auto *eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    eventsLayout->addWidget(new QLabel(tr("Events (leader moves, ISR changes, brokers lost and "
                                          "back)"),
                                       eventsBox));
    eventsLayout->addWidget(m_timeline, 1);

    auto *split = new QSplitter(Qt::Horizontal, content);
    split->addWidget(charts);
    split->addWidget(eventsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(tiles);
    layout->addWidget(split, 1);
    setContent(content);
}

void OverviewPage::setSession(core::ClusterSession *session, core::MetricsStore *history)
{
    for (TimeSeriesChart *c : m_charts)
        c->setStore(history);
    m_events->clear();
    ClusterPage::setSession(session, history);
    if (session)
        connect(session, &core::ClusterSession::eventsFound, this, // dropped with the session
                [this](const QList<core::Event> &events) { m_events->addEvents(events); });
    loadEvents();
}

void OverviewPage::refresh()
{
    ClusterPage::refresh();
    for (TimeSeriesChart *c : m_charts)
        c->reload();
    loadEvents();
}

void OverviewPage::loadEvents()
{
    core::MetricsStore *store = history();
    if (!store)
        return;
    const quint64 job = ++m_eventsJob;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    store->queryEvents(now - 7 * 24 * 3'600'000LL, now, kMaxEvents)
        .then(this, [this, job](const core::Result<QList<core::Event>> &r) {
            if (job != m_eventsJob || !r)
                return;
            m_events->addEvents(*r); // events already shown are skipped
        });
}

QString OverviewPage::tileText(const QString &key) const
{
    const QLabel *l = m_tiles.value(key);
    return l ? l->text() : QString();
}

void OverviewPage::showSnapshot(const core::ClusterSnapshotPtr &s)
{
    if (!showSessionState(s, true, {}))
        return;
    const core::ClusterTotals &t = s->totals;
    m_tiles[QStringLiteral("brokers")]->setText(core::formatCount(t.brokerCount));
    m_tiles[QStringLiteral("topics")]->setText(core::formatCount(t.topicCount));
    m_tiles[QStringLiteral("partitions")]->setText(core::formatCount(t.partitionCount));
    m_tiles[QStringLiteral("underReplicated")]->setText(core::formatCount(t.underReplicatedCount));
    m_tiles[QStringLiteral("offline")]->setText(core::formatCount(t.offlineCount));
    m_tiles[QStringLiteral("groups")]->setText(core::formatCount(t.groupCount));
    m_tiles[QStringLiteral("lag")]->setText(core::formatCount(t.totalLag));
    m_tiles[QStringLiteral("rate")]->setText(core::formatRate(t.messagesPerSecond));
    // Setting a style sheet re-polishes the label even when it is the same: only on a change.
    const auto warn = [](QLabel *l, bool bad, const char *color) {
        const QString sheet =
            bad ? QStringLiteral("color: %1;").arg(QLatin1String(color)) : QString();
        if (l->styleSheet() != sheet)
            l->setStyleSheet(sheet);
    };
    warn(m_tiles[QStringLiteral("underReplicated")], t.underReplicatedCount > 0, "#e67e00");
    warn(m_tiles[QStringLiteral("offline")], t.offlineCount > 0, "#c62828");
    // The charts read the store; ask for what is new once per offsets round.
    if (s->offsetsAtMs != m_lastRound) {
        m_lastRound = s->offsetsAtMs;
        for (TimeSeriesChart *c : m_charts)
            c->refreshTail();
    }
}

} // namespace kastle::ui
