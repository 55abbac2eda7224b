// DescribeLogDirs (key 35), versions 0-2: this broker's log directory and the size of each
// partition in it (all partitions when the topic list is null).
#include "handlers.h"

#include "broker.h"

#include "messages/describelogdirs.h"

#include <map>
#include <set>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleDescribeLogDirs(RequestContext &ctx)
{
    const auto req = ctx.decode<DescribeLogDirsRequest>();
    Broker &broker = *ctx.broker;
    DescribeLogDirsResponse resp;
    auto &dir = resp.results.emplace_back();
    dir.logDir = broker.logDir();
    if (ctx.injectedError) {
        dir.errorCode = code(*ctx.injectedError);
        ctx.respond(resp);
        return;
    }
    std::set<std::pair<std::string_view, int32_t>> wanted;
    if (req.topics)
        for (const auto &t : *req.topics)
            for (int32_t p : t.partitions)
                wanted.emplace(t.topic, p);

    // Grouped by topic, in name order, so the answer is stable.
    std::map<std::string, std::vector<DescribeLogDirsResponse::DescribeLogDirsPartition>> byTopic;
    for (const PartitionSummary &s : broker.logs().summaries()) {
        const auto &tp = s.topicPartition;
        if (req.topics && !wanted.count({tp.topic, tp.partition}))
            continue;
        DescribeLogDirsResponse::DescribeLogDirsPartition p;
        p.partitionIndex = tp.partition;
        p.partitionSize = s.sizeBytes;
        // The lag of the log end behind the high watermark: none with one broker.
        p.offsetLag = 0;
        byTopic[tp.topic].push_back(p);
    }
    for (auto &[name, partitions] : byTopic)
        dir.topics.push_back({name, std::move(partitions)});
    ctx.respond(resp);
}

} // namespace

ApiHandler describeLogDirsApi()
{
    return serve<DescribeLogDirsRequest>(0, 2, &handleDescribeLogDirs);
}

} // namespace kastle::broker
