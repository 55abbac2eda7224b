// DescribeConfigs (key 32), versions 0-2: the configuration of topics and brokers with each
// value's source, and from v1 its synonyms (the sources it could come from, most specific
// first) when asked. Broker entries are read-only: settings are fixed at start.
#include "handlers.h"

#include "broker.h"
#include "configresource.h"

#include "messages/describeconfigs.h"

#include <algorithm>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

using Result = DescribeConfigsResponse::DescribeConfigsResult;

void fill(Result &out, const std::vector<ConfigEntry> &entries,
          const std::optional<std::vector<std::string>> &keys, bool synonyms)
{
    for (const ConfigEntry &e : entries) {
        if (keys && !keys->empty() && std::find(keys->begin(), keys->end(), e.name) == keys->end())
            continue;
        DescribeConfigsResponse::DescribeConfigsResourceResult r;
        r.name = e.name;
        r.value = e.sensitive ? std::nullopt : e.value;
        r.readOnly = e.readOnly;
        r.isDefault = e.source == ConfigSource::Default;
        r.configSource = static_cast<int8_t>(e.source);
        r.isSensitive = e.sensitive;
        if (synonyms)
            for (const auto &s : e.synonyms)
                r.synonyms.push_back(
                    {s.name, e.sensitive ? std::nullopt : s.value, static_cast<int8_t>(s.source)});
        out.configs.push_back(std::move(r));
    }
}

void handleDescribeConfigs(RequestContext &ctx)
{
    const auto req = ctx.decode<DescribeConfigsRequest>();
    Broker &broker = *ctx.broker;
    const ImagePtr image = broker.image();
    DescribeConfigsResponse resp;
    for (const auto &res : req.resources) {
        Result out;
        out.resourceType = res.resourceType;
        out.resourceName = res.resourceName;
        auto fail = [&out](const AdminResult &r) {
            out.errorCode = code(r.code);
            out.errorMessage = r.message;
        };
        if (ctx.injectedError) {
            fail(AdminResult::error(*ctx.injectedError,
                                    std::string(errorDescription(*ctx.injectedError))));
        } else if (res.resourceType == static_cast<int8_t>(ResourceType::Topic)) {
            if (const TopicPtr topic = image->topics.find(res.resourceName))
                fill(out, broker.config().describeTopic(topic->configs), res.configurationKeys,
                     req.includeSynonyms);
            else
                fail(AdminResult::error(ErrorCode::UnknownTopicOrPartition,
                                        "Topic '" + res.resourceName + "' does not exist."));
        } else if (res.resourceType == static_cast<int8_t>(ResourceType::Broker)) {
            const AdminResult check = checkBrokerResource(res.resourceName, broker.id(), true);
            if (!check.ok())
                fail(check);
            else if (!res.resourceName.empty()) // "" asks for dynamic defaults: there are none
                fill(out,
                     broker.config().describeBroker(
                         {broker.id(), broker.host(), broker.port(), broker.logDir()}),
                     res.configurationKeys, req.includeSynonyms);
        } else {
            fail(unsupportedResource(res.resourceType));
        }
        if (out.errorCode == 0)
            out.errorMessage = std::nullopt;
        resp.results.push_back(std::move(out));
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler describeConfigsApi()
{
    return serve<DescribeConfigsRequest>(0, 2, &handleDescribeConfigs);
}

} // namespace kastle::broker
