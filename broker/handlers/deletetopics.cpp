// DeleteTopics (key 20), versions 0-3: removes topics and their logs.
#include "handlers.h"

#include "broker.h"

#include "messages/deletetopics.h"

#include <set>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleDeleteTopics(RequestContext &ctx)
{
    const auto req = ctx.decode<DeleteTopicsRequest>();
    Broker &broker = *ctx.broker;
    DeleteTopicsResponse resp;
    resp.responses.resize(req.topicNames.size());

    std::optional<ErrorCode> everyTopic = ctx.injectedError;
    if (!everyTopic && !broker.config().deleteTopicEnable())
        // TOPIC_DELETION_DISABLED exists from v3; older clients get INVALID_REQUEST.
        everyTopic =
            ctx.version() >= 3 ? ErrorCode::TopicDeletionDisabled : ErrorCode::InvalidRequest;

    std::vector<std::string> names;
    std::vector<size_t> index;
    std::set<std::string_view> seen;
    for (size_t i = 0; i < req.topicNames.size(); ++i) {
        auto &out = resp.responses[i];
        out.name = req.topicNames[i];
        if (everyTopic) {
            out.errorCode = code(*everyTopic);
        } else if (!seen.insert(out.name).second) {
            out.errorCode = code(ErrorCode::InvalidRequest); // the same topic twice
        } else {
            names.push_back(out.name);
            index.push_back(i);
        }
    }
    if (!names.empty()) {
        const auto results = broker.controller().deleteTopics(names);
        for (size_t k = 0; k < results.size(); ++k)
            resp.responses[index[k]].errorCode = code(results[k].code);
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler deleteTopicsApi()
{
    return serve<DeleteTopicsRequest>(0, 3, &handleDeleteTopics);
}

} // namespace kastle::broker
