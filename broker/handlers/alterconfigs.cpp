// AlterConfigs (key 33), versions 0-1: replaces the whole set of a topic's config overrides
// (what is not named goes back to its default). Every value is validated before anything
// changes; validateOnly checks only. Broker settings are fixed at start and are refused.
#include "handlers.h"

#include "broker.h"
#include "configresource.h"

#include "messages/alterconfigs.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

AdminResult alterTopic(Broker &broker, const AlterConfigsRequest::AlterConfigsResource &res,
                       bool validateOnly)
{
    ConfigMap overrides;
    for (const auto &c : res.configs) {
        if (!c.value)
            return AdminResult::error(ErrorCode::InvalidRequest,
                                      "Null value not supported for : " + c.name);
        if (std::string problem = validateTopicConfig(c.name, *c.value); !problem.empty())
            return AdminResult::error(ErrorCode::InvalidConfig, problem);
        overrides[c.name] = *c.value;
    }
    return broker.controller().setTopicConfigs(res.resourceName, overrides, validateOnly);
}

void handleAlterConfigs(RequestContext &ctx)
{
    Broker &broker = *ctx.broker;
    respondToAlterConfigs<AlterConfigsRequest, AlterConfigsResponse>(
        ctx, broker.id(),
        [&](const auto &res, bool validateOnly) { return alterTopic(broker, res, validateOnly); });
}

} // namespace

ApiHandler alterConfigsApi()
{
    return serve<AlterConfigsRequest>(0, 1, &handleAlterConfigs);
}

} // namespace kastle::broker
