// SaslHandshake (key 17), versions 0-1: the client picks a SASL mechanism. v1 clients then
// send SaslAuthenticate requests; v0 clients send bare token frames (security/listeners.h).
// An unknown mechanism answers UNSUPPORTED_SASL_MECHANISM with the enabled ones and closes. On a
// listener without SASL, or once authenticated, the answer is ILLEGAL_SASL_STATE (and the
// connection stays, as with Kafka). Served before authentication.
#include "grouphandlers.h"

#include "log.h"
#include "security/listeners.h"

#include "messages/saslhandshake.h"

#include <algorithm>

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleSaslHandshake(RequestContext &ctx)
{
    const auto req = ctx.decode<SaslHandshakeRequest>();
    SaslHandshakeResponse resp;
    ConnectionSecurity *s = connectionSecurity(*ctx.connection);
    if (s)
        resp.mechanisms = s->setup->mechanisms();
    auto refuse = [&](ErrorCode error) {
        resp.errorCode = code(error);
        ctx.respond(resp);
        if (s)
            s->phase = SaslPhase::Failed;
        ctx.connection->closeAfterPendingWrites("SASL handshake refused");
    };
    if (ctx.injectedError)
        return refuse(*ctx.injectedError);
    if (!s || s->authenticated()) {
        resp.errorCode = code(ErrorCode::IllegalSaslState);
        ctx.respond(resp);
        return;
    }
    if (s->phase != SaslPhase::Handshake)
        return refuse(ErrorCode::IllegalSaslState);
    const auto &enabled = s->setup->mechanisms();
    if (std::find(enabled.begin(), enabled.end(), req.mechanism) == enabled.end()) {
        KLOG_INFO("sasl", ctx.connection->peer() + " asked for the SASL mechanism \"" +
                              req.mechanism + "\", which is not enabled");
        return refuse(ErrorCode::UnsupportedSaslMechanism);
    }
    s->sasl = SaslServer::create(req.mechanism, s->setup->users());
    s->mechanism = req.mechanism;
    s->phase = ctx.version() == 0 ? SaslPhase::RawTokens : SaslPhase::Authenticate;
    ctx.respond(resp);
}

} // namespace

ApiHandler saslHandshakeApi()
{
    return serve<SaslHandshakeRequest>(0, 1, &handleSaslHandshake, true);
}

} // namespace kastle::broker
