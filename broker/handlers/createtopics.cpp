// CreateTopics (key 19), versions 0-4: new topics with partition counts and replication
// factors (-1 for the broker defaults, in every version), or manual replica assignments, and
// config overrides; validateOnly (v1+) checks everything and creates nothing.
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
        // A count of -1 takes the broker's default in every version, as Kafka's broker does:
        // KafkaJS sends -1 by default with CreateTopics v3.
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
