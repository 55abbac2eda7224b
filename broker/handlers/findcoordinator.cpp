// FindCoordinator (key 10), versions 0-2: which broker coordinates a group. The first request
// creates __consumer_offsets when it does not exist yet. Transactions have no coordinator in
// Kastle: key type 1 answers COORDINATOR_NOT_AVAILABLE with a message.
#include "grouphandlers.h"

#include "security/listeners.h"

#include "messages/findcoordinator.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

constexpr int8_t kGroupKey = 0;
constexpr int8_t kTransactionKey = 1;

void handleFindCoordinator(RequestContext &ctx)
{
    const auto req = ctx.decode<FindCoordinatorRequest>();
    FindCoordinatorResponse resp;
    resp.errorMessage = std::nullopt;
    auto fail = [&](ErrorCode error, std::string message) {
        resp.errorCode = code(error);
        resp.errorMessage = errorMessageOrNull(error, message);
        resp.nodeId = -1;
        resp.host.clear();
        resp.port = -1;
        ctx.respond(resp);
    };
    if (ctx.injectedError)
        return fail(*ctx.injectedError, {});
    if (req.keyType == kTransactionKey)
        return fail(ErrorCode::CoordinatorNotAvailable, "Kastle does not support transactions.");
    if (req.keyType != kGroupKey)
        return fail(ErrorCode::InvalidRequest,
                    "Unknown coordinator key type " + std::to_string(req.keyType) + ".");
    const auto found = ctx.broker->groups().findCoordinator(req.key);
    if (found.error != ErrorCode::None)
        return fail(found.error, found.message);
    const ImagePtr image = ctx.broker->image();
    const BrokerEndpoint *b = image->broker(found.brokerId);
    if (!b)
        return fail(ErrorCode::CoordinatorNotAvailable, "The coordinator is not available.");
    const auto endpoint = advertisedEndpoint(*b, *ctx.connection);
    if (!endpoint)
        return fail(ErrorCode::CoordinatorNotAvailable,
                    "The coordinator has no listener of the kind this connection uses.");
    resp.nodeId = b->id;
    resp.host = endpoint->host;
    resp.port = endpoint->port;
    ctx.respond(resp);
}

} // namespace

ApiHandler findCoordinatorApi()
{
    return serve<FindCoordinatorRequest>(0, 2, &handleFindCoordinator);
}

} // namespace kastle::broker
