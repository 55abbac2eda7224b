// The message browser's engine: reads a topic with a librdkafka consumer that only uses
// assign() (no group join, no commits), from a chosen start (earliest, latest - N, an offset, a
// timestamp or a group's committed position) to a chosen stop (the end as it was when the scan
// began, after N messages, at a timestamp, or never: tail), filtering while it scans.
//
// One scan at a time runs on a thread of its own; results reach the owner only through queued
// signals carrying the scan's id, so a cancelled or superseded scan's late results are dropped.
// Progress says "scanned X of Y, matched Z": Y is the number of records between the start and
// stop offsets when those are known (it grows while tailing). A scan never ends silently: the
// outcome says whether it reached its end, its limit, was cancelled or failed.
#pragma once

#include "browser/jobrunner.h"
#include "browser/kafkaclient.h"
#include "browser/messageexport.h"
#include "browser/messagefilter.h"
#include "browser/messagestore.h"

#include <QObject>

#include <memory>

namespace kastle::core {

struct BrowseRequest
{
    enum class Start { Earliest, LatestMinusN, Offset, Timestamp, GroupCommitted };
    enum class Stop { End, Count, Timestamp, Tail };

    QString topic;
    QList<int32_t> partitions; // empty: all partitions
    Start start = Start::Earliest;
    int64_t startValue = 0; // N for LatestMinusN, the offset, or milliseconds since the epoch
    QString group;          // for GroupCommitted
    Stop stop = Stop::End;
    int64_t stopCount = 500;   // messages (after filtering) for Stop::Count
    int64_t stopTimestamp = 0; // ms since the epoch; records at or after it are not read
    FilterSpec filter;

    // When set, matching messages are written to this file instead of being sent as batches.
    QString exportPath;
    ExportFormat exportFormat = ExportFormat::JsonLines;
};

struct BrowseProgress
{
    qint64 scanned = 0;
    qint64 total = -1; // -1 while unknown
    qint64 matched = 0;
    bool tailing = false; // caught up and waiting for new messages
};

// Where each partition's scan started and where it stops (exclusive; -1 = open end).
struct PartitionRange
{
    int32_t partition = -1;
    int64_t start = 0;
    int64_t end = -1;
};

struct BrowseOutcome
{
    enum class Reason { End, Limit, Cancelled, Failed };
    Reason reason = Reason::End;
    BrowseProgress progress;
    QList<PartitionRange> ranges;
    QString notice; // something the user should know (e.g. partitions without a committed offset)
    Error error;    // for Failed
};

class MessageBrowser : public QObject
{
    Q_OBJECT
public:
    explicit MessageBrowser(QObject *parent = nullptr);
    ~MessageBrowser() override; // cancels and waits for the scan

    // Starts a scan (cancelling one that runs) and returns its id.
    quint64 start(const KafkaTarget &target, const BrowseRequest &request);
    void cancel();
    bool isRunning() const;
    quint64 currentJob() const { return m_jobs.currentJob(); }

Q_SIGNALS:
    // Matching messages, in the order read. Not emitted for exports.
    void messages(quint64 job, std::shared_ptr<kastle::core::MessageStore> batch);
    void progress(quint64 job, const kastle::core::BrowseProgress &progress);
    void rangesResolved(quint64 job, const QList<kastle::core::PartitionRange> &ranges);
    void finished(quint64 job, const kastle::core::BrowseOutcome &outcome);

private:
    JobRunner m_jobs;
};

} // namespace kastle::core

Q_DECLARE_METATYPE(kastle::core::BrowseProgress)
Q_DECLARE_METATYPE(kastle::core::BrowseOutcome)
Q_DECLARE_METATYPE(std::shared_ptr<kastle::core::MessageStore>)
