// SaslAuthenticate (key 36), versions 0-2: one SASL token exchange after SaslHandshake v1. A
// failed login answers SASL_AUTHENTICATION_FAILED with the reason and closes the connection; on
// a listener without SASL, or once authenticated, the answer is ILLEGAL_SASL_STATE.
// Sessions do not expire (session lifetime 0: no re-authentication). Served before
// authentication.
#include "grouphandlers.h"

#include "log.h"
#include "security/listeners.h"

#include "messages/saslauthenticate.h"

namespace kastle::broker {

using namespace kastle::protocol;

namespace {

void handleSaslAuthenticate(RequestContext &ctx)
{
    auto req = ctx.decode<SaslAuthenticateRequest>();
    SaslAuthenticateResponse resp;
    ConnectionSecurity *s = connectionSecurity(*ctx.connection);
    auto refuse = [&](ErrorCode error, std::string message) {
        resp.errorCode = code(error);
        resp.errorMessage = std::move(message);
        ctx.respond(resp);
        if (s)
            s->phase = SaslPhase::Failed;
        ctx.connection->closeAfterPendingWrites("SASL authentication failed");
    };
    if (ctx.injectedError)
        return refuse(*ctx.injectedError, std::string(errorDescription(*ctx.injectedError)));
    if (!s || s->authenticated()) {
        resp.errorCode = code(ErrorCode::IllegalSaslState);
        resp.errorMessage = "SaslAuthenticate is only valid during SASL authentication";
        ctx.respond(resp);
        return;
    }
    if (s->phase != SaslPhase::Authenticate || !s->sasl)
        return refuse(ErrorCode::IllegalSaslState,
                      "SaslAuthenticate is only valid after SaslHandshake v1 on a SASL listener");
    const SaslStep step = s->sasl->step(std::move(req.authBytes));
    if (step.outcome == SaslStep::Outcome::Failure) {
        KLOG_INFO("sasl", "authentication of " + ctx.connection->peer() + " with " +
                              s->mechanism + " failed: " + step.error);
        return refuse(ErrorCode::SaslAuthenticationFailed, step.error);
    }
    resp.authBytes = step.response;
    resp.errorMessage = std::nullopt;
    if (step.outcome == SaslStep::Outcome::Success) {
        s->phase = SaslPhase::Done;
        s->user = s->sasl->user();
        s->sasl.reset();
        KLOG_DEBUG("sasl", ctx.connection->peer() + " authenticated as " + s->user);
    }
    ctx.respond(resp);
}

} // namespace

ApiHandler saslAuthenticateApi()
{
    return serve<SaslAuthenticateRequest>(0, 2, &handleSaslAuthenticate, true);
}

} // namespace kastle::broker
