// The broker's API table: one entry per API, each declared by its handler file with the
// versions it serves. The dispatcher checks versions against this table and answers
// ApiVersions from it, so what is advertised is exactly what is handled.
//
// Every handler honours RequestContext::injectedError (a test control): it answers with that
// error on every topic, partition or resource of the request, or at the top level where the
// response has one, without doing its work.
#pragma once

#include "server/requestcontext.h"

#include <vector>

namespace kastle::broker {

std::vector<ApiHandler> brokerApis();

ApiHandler apiVersionsApi();
ApiHandler metadataApi();
ApiHandler produceApi();
ApiHandler fetchApi();
ApiHandler listOffsetsApi();
ApiHandler createTopicsApi();
ApiHandler deleteTopicsApi();
ApiHandler createPartitionsApi();
ApiHandler deleteRecordsApi();
ApiHandler describeConfigsApi();
ApiHandler alterConfigsApi();
ApiHandler incrementalAlterConfigsApi();
ApiHandler describeLogDirsApi();
ApiHandler describeClusterApi();

struct Partition;

// The partition a request names, when this broker serves it; else null with `errorCode` set to
// the injected error (a test control) or the reason (UNKNOWN_TOPIC_OR_PARTITION,
// NOT_LEADER_OR_FOLLOWER, ...).
Partition *servingPartition(RequestContext &ctx, std::string_view topic, int32_t index,
                            int16_t &errorCode);

// The sentence of a failed result as a nullable response field ("" and success give null).
inline std::optional<std::string> errorMessageOrNull(protocol::ErrorCode code,
                                                     const std::string &message)
{
    if (code == protocol::ErrorCode::None || message.empty())
        return std::nullopt;
    return message;
}

} // namespace kastle::broker
