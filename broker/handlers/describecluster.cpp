// DescribeCluster (key 60), version 0: cluster id, controller and brokers.
#include "handlers.h"

#include "broker.h"

#include "messages/describecluster.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleDescribeCluster(RequestContext &ctx)
{
    ctx.decode<DescribeClusterRequest>();
    DescribeClusterResponse resp;
    if (ctx.injectedError) {
        resp.errorCode = code(*ctx.injectedError);
        resp.errorMessage = std::string(errorDescription(*ctx.injectedError));
    } else {
        const ImagePtr image = ctx.broker->image();
        resp.clusterId = image->clusterId;
        resp.controllerId = image->controllerId;
        for (const auto &b : image->brokers)
            resp.brokers.push_back({b.id, b.host, b.port, b.rack});
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler describeClusterApi()
{
    return serve<DescribeClusterRequest>(0, 0, &handleDescribeCluster);
}

} // namespace kastle::broker
