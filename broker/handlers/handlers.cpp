// The handler table.
#include "handlers.h"

#include "broker.h"
#include "grouphandlers.h"

namespace kastle::broker {

std::vector<ApiHandler> brokerApis()
{
    return {
        produceApi(),
        fetchApi(),
        listOffsetsApi(),
        metadataApi(),
        apiVersionsApi(),
        createTopicsApi(),
        deleteTopicsApi(),
        deleteRecordsApi(),
        describeConfigsApi(),
        alterConfigsApi(),
        describeLogDirsApi(),
        createPartitionsApi(),
        incrementalAlterConfigsApi(),
        describeClusterApi(),
        offsetCommitApi(),
        offsetFetchApi(),
        findCoordinatorApi(),
        joinGroupApi(),
        heartbeatApi(),
        leaveGroupApi(),
        syncGroupApi(),
        describeGroupsApi(),
        listGroupsApi(),
        saslHandshakeApi(),
        initProducerIdApi(),
        saslAuthenticateApi(),
        deleteGroupsApi(),
        offsetDeleteApi(),
    };
}

Partition *servingPartition(RequestContext &ctx, std::string_view topic, int32_t index,
                            int16_t &errorCode)
{
    if (ctx.injectedError) {
        errorCode = code(*ctx.injectedError);
        return nullptr;
    }
    protocol::ErrorCode error = protocol::ErrorCode::None;
    Partition *partition = ctx.broker->leaderPartition(topic, index, error);
    errorCode = code(error);
    return partition;
}

} // namespace kastle::broker
