// IncrementalAlterConfigs (key 44), versions 0-1: changes single topic config entries with
// SET, DELETE, APPEND and SUBTRACT (the last two for list configs only), keeping the others.
// The resulting values are validated before anything changes; validateOnly checks only.
#include "handlers.h"

#include "broker.h"
#include "configresource.h"

#include "messages/incrementalalterconfigs.h"

#include <algorithm>
#include <set>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

enum Operation : int8_t { kSet = 0, kDelete = 1, kAppend = 2, kSubtract = 3 };

AdminResult alterTopic(Broker &broker,
                       const IncrementalAlterConfigsRequest::AlterConfigsResource &res,
                       bool validateOnly)
{
    const TopicPtr topic = broker.image()->topics.find(res.resourceName);
    if (!topic)
        return AdminResult::error(ErrorCode::UnknownTopicOrPartition,
                                  "Topic '" + res.resourceName + "' does not exist.");
    std::set<std::string_view> keys;
    for (const auto &c : res.configs)
        if (!keys.insert(c.name).second)
            return AdminResult::error(ErrorCode::InvalidRequest,
                                      "Error due to duplicate config keys: " + c.name);

    ConfigMap overrides = topic->configs;
    for (const auto &c : res.configs) {
        const ConfigDef *def = findTopicConfig(c.name);
        if (!def)
            return AdminResult::error(ErrorCode::InvalidConfig,
                                      "unknown topic config \"" + c.name + "\"");
        switch (c.configOperation) {
        case kSet:
            if (!c.value)
                return AdminResult::error(ErrorCode::InvalidRequest,
                                          "Null value not supported for : " + c.name);
            overrides[c.name] = *c.value;
            break;
        case kDelete:
            overrides.erase(c.name);
            break;
        case kAppend:
        case kSubtract: {
            if (def->type != ConfigType::List)
                return AdminResult::error(
                    ErrorCode::InvalidConfig,
                    std::string("Config value ") +
                        (c.configOperation == kAppend ? "append" : "subtract") +
                        " is not allowed for config key: " + c.name);
            const auto current = overrides.find(c.name);
            auto items = splitConfigList(
                current != overrides.end() ? std::string_view(current->second) : def->defaultValue);
            for (const auto &item : splitConfigList(c.value.value_or(std::string()))) {
                const auto at = std::find(items.begin(), items.end(), item);
                if (c.configOperation == kAppend && at == items.end())
                    items.push_back(item);
                else if (c.configOperation == kSubtract && at != items.end())
                    items.erase(at);
            }
            overrides[c.name] = joinConfigList(items);
            break;
        }
        default:
            return AdminResult::error(ErrorCode::InvalidRequest,
                                      "Unknown config operation " +
                                          std::to_string(c.configOperation) + " for " + c.name);
        }
    }
    for (const auto &c : res.configs) {
        const auto it = overrides.find(c.name);
        if (it == overrides.end())
            continue;
        if (std::string problem = validateTopicConfig(it->first, it->second); !problem.empty())
            return AdminResult::error(ErrorCode::InvalidConfig, problem);
    }
    return broker.controller().setTopicConfigs(res.resourceName, overrides, validateOnly);
}

void handleIncrementalAlterConfigs(RequestContext &ctx)
{
    Broker &broker = *ctx.broker;
    respondToAlterConfigs<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse>(
        ctx, broker.id(),
        [&](const auto &res, bool validateOnly) { return alterTopic(broker, res, validateOnly); });
}

} // namespace

ApiHandler incrementalAlterConfigsApi()
{
    return serve<IncrementalAlterConfigsRequest>(0, 1, &handleIncrementalAlterConfigs);
}

} // namespace kastle::broker
