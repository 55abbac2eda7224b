// CreateTopics (key 19), versions 0-4: new topics with partition counts and replication
// factors (-1 for the broker defaults from v4), or manual replica assignments, and config
// overrides; validateOnly (v1+) checks everything and creates nothing.
#include "handlers.h"

#include "broker.h"

#include "messages/createtopics.h"

#include <map>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleCreateTopics(RequestContext &ctx)
{
    const auto req = ctx.decode<CreateTopicsRequest>();
    const int16_t version = ctx.version();
    CreateTopicsResponse resp;
    resp.topics.resize(req.topics.size());

    std::map<std::string_view, int> occurrences;
    for (const auto &t : req.topics)
        ++occurrences[t.name];

    // Entries that reach the controller, and where their answers go.
    std::vector<NewTopic> valid;
    std::vector<size_t> validIndex;
    for (size_t i = 0; i < req.topics.size(); ++i) {
        const auto &t = req.topics[i];
        auto &out = resp.topics[i];
        out.name = t.name;
        auto fail = [&out](ErrorCode error, std::string message) {
            out.errorCode = code(error);
            out.errorMessage = std::move(message);
        };
        if (ctx.injectedError) {
            fail(*ctx.injectedError, std::string(errorDescription(*ctx.injectedError)));
            continue;
        }
        if (occurrences[t.name] > 1) {
            fail(ErrorCode::InvalidRequest,
                 "Create topics request from client contains a duplicate topic: " + t.name);
            continue;
        }
        // Before v4 a count of -1 only makes sense beside manual assignments.
        if (version < 4 && t.assignments.empty() && t.numPartitions == -1) {
            fail(ErrorCode::InvalidPartitions,
                 "Number of partitions was set to an invalid non-positive value.");
            continue;
        }
        if (version < 4 && t.assignments.empty() && t.replicationFactor == -1) {
            fail(ErrorCode::InvalidReplicationFactor, "Replication factor must be larger than 0.");
            continue;
        }
        NewTopic topic;
        topic.name = t.name;
        topic.numPartitions = t.numPartitions;
        topic.replicationFactor = t.replicationFactor;
        for (const auto &a : t.assignments)
            topic.assignments.emplace_back(a.partitionIndex, a.brokerIds);
        std::string nullConfig;
        for (const auto &c : t.configs) {
            if (!c.value)
                nullConfig = c.name;
            else
                topic.configs[c.name] = *c.value;
        }
        if (!nullConfig.empty()) {
            fail(ErrorCode::InvalidConfig,
                 "Null value not supported for topic config " + nullConfig);
            continue;
        }
        valid.push_back(std::move(topic));
        validIndex.push_back(i);
    }

    if (!valid.empty()) {
        const auto results = ctx.broker->controller().createTopics(valid, req.validateOnly);
        for (size_t k = 0; k < results.size(); ++k) {
            auto &out = resp.topics[validIndex[k]];
            out.errorCode = code(results[k].code);
            out.errorMessage = errorMessageOrNull(results[k].code, results[k].message);
        }
    }
    for (auto &out : resp.topics)
        if (out.errorCode == 0)
            out.errorMessage = std::nullopt;
    ctx.respond(resp);
}

} // namespace

ApiHandler createTopicsApi()
{
    return serve<CreateTopicsRequest>(0, 4, &handleCreateTopics);
}

} // namespace kastle::broker
