// Metadata (key 3), versions 0-6: brokers, cluster id, controller, and topics with their
// partitions, leaders, replicas and ISR. Unknown topics are created when auto-creation is on
// (broker setting) and the request allows it (v4+ flag; always for v0-3).
#include "handlers.h"

#include "broker.h"
#include "config/topicname.h"
#include "security/listeners.h"

#include "messages/metadata.h"

#include <unordered_set>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

MetadataResponse::MetadataResponseTopic describeTopic(const ClusterImage &image,
                                                      const TopicInfo &topic)
{
    MetadataResponse::MetadataResponseTopic out;
    out.name = topic.name;
    out.isInternal = topic.internal;
    out.partitions.reserve(topic.partitions.size());
    for (size_t i = 0; i < topic.partitions.size(); ++i) {
        const PartitionInfo &pi = topic.partitions[i];
        MetadataResponse::MetadataResponsePartition p;
        p.partitionIndex = static_cast<int32_t>(i);
        p.replicaNodes = pi.replicas;
        p.isrNodes = pi.isr;
        for (int32_t id : pi.replicas)
            if (!image.broker(id))
                p.offlineReplicas.push_back(id);
        if (pi.leader >= 0 && image.broker(pi.leader)) {
            p.leaderId = pi.leader;
        } else {
            p.leaderId = -1;
            p.errorCode = code(ErrorCode::LeaderNotAvailable);
        }
        out.partitions.push_back(std::move(p));
    }
    return out;
}

MetadataResponse::MetadataResponseTopic topicError(std::string name, ErrorCode error)
{
    MetadataResponse::MetadataResponseTopic out;
    out.name = std::move(name);
    out.errorCode = code(error);
    return out;
}

void handleMetadata(RequestContext &ctx)
{
    const auto req = ctx.decode<MetadataRequest>();
    Broker &broker = *ctx.broker;
    ImagePtr image = broker.image();

    std::vector<std::string> names;
    const bool all = req.wantsAllTopics(ctx.version());
    if (!all) {
        std::unordered_set<std::string_view> seen;
        for (const auto &t : *req.topics)
            if (seen.insert(t.name).second)
                names.push_back(t.name);
    }

    MetadataResponse resp;
    if (ctx.injectedError) {
        if (all)
            image->topics.forEach([&](const TopicPtr &t) { names.push_back(t->name); });
        for (const auto &name : names)
            resp.topics.push_back(topicError(name, *ctx.injectedError));
    } else if (all) {
        resp.topics.reserve(image->topics.size());
        image->topics.forEach(
            [&](const TopicPtr &t) { resp.topics.push_back(describeTopic(*image, *t)); });
    } else {
        // v0-3 have no flag: those clients expect the broker setting alone to decide.
        const bool mayCreate =
            broker.config().autoCreateTopics() && (ctx.version() < 4 || req.allowAutoTopicCreation);
        std::vector<std::string> toCreate;
        for (const auto &name : names)
            if (!image->topics.find(name) && mayCreate && validateTopicName(name).empty() &&
                !isInternalTopicName(name))
                toCreate.push_back(name);
        std::vector<AdminResult> created;
        if (!toCreate.empty()) {
            created = broker.autoCreateTopics(toCreate);
            image = broker.image();
        }
        for (const auto &name : names) {
            if (const TopicPtr t = image->topics.find(name)) {
                resp.topics.push_back(describeTopic(*image, *t));
                continue;
            }
            ErrorCode error = ErrorCode::UnknownTopicOrPartition;
            if (!validateTopicName(name).empty()) {
                error = ErrorCode::InvalidTopicException;
            } else {
                const auto it = std::find(toCreate.begin(), toCreate.end(), name);
                if (it != toCreate.end() &&
                    !created[static_cast<size_t>(it - toCreate.begin())].ok())
                    error = created[static_cast<size_t>(it - toCreate.begin())].code;
            }
            resp.topics.push_back(topicError(name, error));
        }
    }

    resp.brokers.reserve(image->brokers.size());
    // Each broker at the address of the listener this client came in on (a broker without
    // such a listener is left out, as Kafka does).
    for (const auto &b : image->brokers)
        if (const auto endpoint = advertisedEndpoint(b, *ctx.connection))
            resp.brokers.push_back({b.id, endpoint->host, endpoint->port, b.rack});
    resp.clusterId = image->clusterId;
    resp.controllerId = image->controllerId;
    ctx.respond(resp);
}

} // namespace

ApiHandler metadataApi()
{
    return serve<MetadataRequest>(0, 6, &handleMetadata);
}

} // namespace kastle::broker
