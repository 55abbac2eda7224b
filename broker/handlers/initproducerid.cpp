// InitProducerId (key 22), versions 0-4: an id and epoch for an idempotent producer. Ids come
// from ProducerIdManager (durable blocks, never reused). v3+ may name its current id and epoch
// to get the next epoch (after a sequence error, KIP-360); an exhausted epoch gets a new id.
// Kastle has no transactions: a transactional id is refused with
// TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which clients report as fatal instead of retrying.
#include "grouphandlers.h"

#include "producers/produceridmanager.h"

#include "messages/initproducerid.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

constexpr int16_t kMaxEpoch = INT16_MAX - 1;

void handleInitProducerId(RequestContext &ctx)
{
    const auto req = ctx.decode<InitProducerIdRequest>();
    InitProducerIdResponse resp;
    auto fail = [&](ErrorCode error) {
        resp.errorCode = code(error);
        resp.producerId = -1;
        resp.producerEpoch = -1;
        ctx.respond(resp);
    };
    if (ctx.injectedError)
        return fail(*ctx.injectedError);
    if (req.transactionalId && !req.transactionalId->empty())
        return fail(ErrorCode::TransactionalIdAuthorizationFailed);
    if ((req.producerId >= 0) != (req.producerEpoch >= 0))
        return fail(ErrorCode::InvalidRequest);
    if (req.producerId >= 0 && req.producerEpoch < kMaxEpoch) {
        resp.producerId = req.producerId;
        resp.producerEpoch = static_cast<int16_t>(req.producerEpoch + 1);
        ctx.respond(resp);
        return;
    }
    const int64_t id = ctx.broker->producerIds().next();
    if (id < 0)
        return fail(ErrorCode::CoordinatorNotAvailable);
    resp.producerId = id;
    resp.producerEpoch = 0;
    ctx.respond(resp);
}

} // namespace

ApiHandler initProducerIdApi()
{
    return serve<InitProducerIdRequest>(0, 4, &handleInitProducerId);
}

} // namespace kastle::broker
