// Event keys and entity text, and the meta-type registration of the snapshot types.
#include "snapshot.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace kastle::core {

namespace {

class EventText
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::Event)
public:
    static QString broker(int32_t id) { return tr("broker %1").arg(id); }
    static QString group(const QString &id) { return tr("group %1").arg(id); }
};

// Storage keys; never change one (the history store keeps them).
constexpr std::array<std::pair<EventKind, const char *>, 10> kKindKeys{{
    {EventKind::LeaderChange, "leader_change"},
    {EventKind::IsrShrink, "isr_shrink"},
    {EventKind::IsrExpand, "isr_expand"},
    {EventKind::BrokerLost, "broker_lost"},
    {EventKind::BrokerBack, "broker_back"},
    {EventKind::PartitionOffline, "partition_offline"},
    {EventKind::TopicCreated, "topic_created"},
    {EventKind::TopicDeleted, "topic_deleted"},
    {EventKind::GroupStateChange, "group_state_change"},
    {EventKind::PartitionOnline, "partition_online"},
}};

} // namespace

QString Event::kindKey(EventKind kind)
{
    for (const auto &[k, key] : kKindKeys) {
        if (k == kind)
            return QString::fromLatin1(key);
    }
    return QString();
}

bool Event::parseKindKey(const QString &key, EventKind *kind)
{
    for (const auto &[k, text] : kKindKeys) {
        if (key == QLatin1String(text)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString Event::entityText() const
{
    if (!group.isEmpty())
        return EventText::group(group);
    if (!topic.isEmpty())
        return partition >= 0 ? topic + QLatin1Char('-') + QString::number(partition) : topic;
    if (broker >= 0)
        return EventText::broker(broker);
    return QString();
}

void registerSnapshotMetaTypes()
{
    qRegisterMetaType<SessionStatus>();
    qRegisterMetaType<ClusterSnapshotPtr>();
    qRegisterMetaType<Event>();
    qRegisterMetaType<QList<Event>>();
    qRegisterMetaType<ConfigSet>();
}

} // namespace kastle::core
