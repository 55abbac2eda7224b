// The server side of one SASL exchange: PLAIN (RFC 4616) and SCRAM-SHA-256/512 (RFC 5802,
// RFC 7677), fed one client token at a time.
//
// PLAIN: one token "authzid NUL authcid NUL password"; an authzid other than the user name is
// refused. Success answers an empty token.
// SCRAM: client-first "gs2-header client-first-bare" -> server-first "r=nonce,s=salt,i=n";
// client-final "c=..,r=..,p=proof" -> server-final "v=signature". Channel binding is not
// offered ("p=" in the gs2 header is refused); extensions after the nonce (Kafka's
// tokenauth) are accepted and ignored. The client-final nonce must end with the server's
// combined nonce (Kafka's rule; librdkafka repeats its own nonce in front). An unknown user gets a
// made-up salt derived from its name, so a client cannot tell unknown users from wrong passwords.
#pragma once

#include "credentials.h"

#include <memory>
#include <string>
#include <vector>

namespace kastle::broker {

struct SaslStep
{
    enum class Outcome { Continue, Success, Failure };
    Outcome outcome = Outcome::Failure;
    crypto::Bytes response;
    std::string error; // for Failure: the sentence for the client and the log
};

class SaslServer
{
public:
    virtual ~SaslServer() = default;
    virtual SaslStep step(crypto::Bytes token) = 0;
    // The authenticated user (after Success).
    virtual const std::string &user() const = 0;

    // "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512": a server for that mechanism, or null.
    static std::unique_ptr<SaslServer> create(std::string_view mechanism, const UserStore &users);
    static const std::vector<std::string> &mechanisms();
};

} // namespace kastle::broker
