// Events found by comparing two snapshots of one cluster: leader changes, ISR shrink and
// expand, partitions going offline and coming back, brokers lost and back, topics created and
// deleted, and group state changes.
//
// Only what both snapshots know is compared: topic and partition events need metadata in both;
// group events need the group described in both. Unchanged topics and groups are skipped by
// pointer, so the cost follows what changed, not the size of the cluster.
#pragma once

#include "snapshot.h"

#include <QCoreApplication>
#include <QList>

#include <set>

namespace kastle::core {

class EventDiff
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::EventDiff)
public:
    // `lostBrokers` holds the brokers that left the metadata earlier and have not come back;
    // it is updated, so that a broker that reappears is reported as "back" (a broker seen for
    // the first time is not an event).
    static QList<Event> diff(const ClusterSnapshot &before, const ClusterSnapshot &after,
                             std::set<int32_t> &lostBrokers);

    // The sentence of an event, from its kind and fields (used when creating events, and by
    // the history store to show stored events in the current language).
    static QString describe(const Event &event);
};

} // namespace kastle::core
