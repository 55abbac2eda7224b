// What the config APIs (DescribeConfigs, AlterConfigs, IncrementalAlterConfigs) share: the
// resource types and the check of a broker resource's name.
#pragma once

#include "handlers.h"

#include "cluster/controller.h"

#include <map>

namespace kastle::broker {

enum class ResourceType : int8_t { Topic = 2, Broker = 4, BrokerLogger = 8 };

// A broker resource names this broker's id, or "" for the cluster-wide defaults (when
// `allowDefault`). Anything else is INVALID_REQUEST, as in Kafka.
AdminResult checkBrokerResource(std::string_view name, int32_t brokerId, bool allowDefault);

// The answer to a change of broker settings (fixed at start): INVALID_REQUEST either way.
AdminResult refuseBrokerChange(std::string_view name, int32_t brokerId);

// The answer for resource types other than topic and broker.
AdminResult unsupportedResource(int8_t resourceType);

// One answer per resource of an AlterConfigs or IncrementalAlterConfigs request, in order: the
// injected error (a test control) or INVALID_REQUEST for a resource named twice, else topics
// through `alterTopic(resource)`, broker resources refused, other types unsupported.
template<class Resource, class AlterTopic>
std::vector<AdminResult> answerAlterResources(const RequestContext &ctx, int32_t brokerId,
                                              const std::vector<Resource> &resources,
                                              AlterTopic alterTopic)
{
    std::map<std::pair<int8_t, std::string_view>, int> occurrences;
    for (const auto &res : resources)
        ++occurrences[{res.resourceType, res.resourceName}];
    std::vector<AdminResult> results;
    results.reserve(resources.size());
    for (const auto &res : resources) {
        if (ctx.injectedError)
            results.push_back(AdminResult::error(
                *ctx.injectedError, std::string(protocol::errorDescription(*ctx.injectedError))));
        else if (occurrences[{res.resourceType, res.resourceName}] > 1)
            results.push_back(
                AdminResult::error(protocol::ErrorCode::InvalidRequest,
                                   "Error due to duplicate resources in the request."));
        else if (res.resourceType == static_cast<int8_t>(ResourceType::Topic))
            results.push_back(alterTopic(res));
        else if (res.resourceType == static_cast<int8_t>(ResourceType::Broker))
            results.push_back(refuseBrokerChange(res.resourceName, brokerId));
        else
            results.push_back(unsupportedResource(res.resourceType));
    }
    return results;
}

// The whole of an AlterConfigs-shaped handler: decodes `Request`, answers every resource (see
// answerAlterResources) with `alterTopic(resource, validateOnly)` for topics, responds.
template<class Request, class Response, class AlterTopic>
void respondToAlterConfigs(RequestContext &ctx, int32_t brokerId, AlterTopic alterTopic)
{
    const auto req = ctx.decode<Request>();
    const auto results = answerAlterResources(ctx, brokerId, req.resources, [&](const auto &res) {
        return alterTopic(res, req.validateOnly);
    });
    Response resp;
    for (size_t i = 0; i < results.size(); ++i)
        resp.responses.push_back({code(results[i].code),
                                  errorMessageOrNull(results[i].code, results[i].message),
                                  req.resources[i].resourceType, req.resources[i].resourceName});
    ctx.respond(resp);
}

} // namespace kastle::broker
