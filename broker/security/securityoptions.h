// How a broker's listeners are secured, as given on the command line (or by tests):
//
//   --listener [NAME=]PROTOCOL://HOST:PORT   repeatable; PROTOCOL is PLAINTEXT, SSL,
//                                            SASL_PLAINTEXT or SASL_SSL; NAME defaults to the
//                                            protocol. Without any, one PLAINTEXT listener on
//                                            --host/--port. The first one is the ready line's.
//   --sasl-user NAME:PASSWORD                repeatable
//   --sasl-users-file PATH                   "name:password" lines (security/credentials.h)
//   --sasl-mechanisms LIST                   comma-separated, of PLAIN, SCRAM-SHA-256,
//                                            SCRAM-SHA-512 (default: all three)
//   --ssl-cert PATH, --ssl-key PATH          PEM certificate (chain) and key for SSL listeners
//   --ssl-ca PATH                            CA of client certificates
//   --ssl-client-auth none|requested|required
//
// Passwords given with --sasl-user are salted while the command line is read (UserStore), so
// the options never hold them in clear. Files are read when the brokers start.
#pragma once

#include "credentials.h"
#include "tlstransport.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kastle::broker {

enum class SecurityProtocol { Plaintext, Ssl, SaslPlaintext, SaslSsl };

std::string_view securityProtocolName(SecurityProtocol protocol);
std::optional<SecurityProtocol> parseSecurityProtocol(std::string_view name);
inline bool usesTls(SecurityProtocol p)
{
    return p == SecurityProtocol::Ssl || p == SecurityProtocol::SaslSsl;
}
inline bool usesSasl(SecurityProtocol p)
{
    return p == SecurityProtocol::SaslPlaintext || p == SecurityProtocol::SaslSsl;
}

struct ListenerSpec
{
    std::string name;
    SecurityProtocol protocol = SecurityProtocol::Plaintext;
    std::string host;
    uint16_t port = 0;
};

// "[NAME=]PROTOCOL://HOST:PORT" (HOST may be [v6]); nullopt with a sentence otherwise.
std::optional<ListenerSpec> parseListenerSpec(std::string_view text, std::string &error);

struct SecurityOptions
{
    std::vector<ListenerSpec> listeners;
    std::shared_ptr<UserStore> users; // from --sasl-user, already salted
    std::vector<std::string> userFiles;
    std::vector<std::string> saslMechanisms; // empty: every mechanism Kastle has
    std::string sslCertificate;
    std::string sslKey;
    std::string sslCa;
    ClientAuth clientAuth = ClientAuth::None;
};

// Whether `name` ("--listener", ...) is one of the options above.
bool isSecurityOption(std::string_view name);
// Applies one of them; false with a sentence for a bad value. `value` is wiped (it may hold a
// password).
bool applySecurityOption(std::string_view name, std::string &value, SecurityOptions &options,
                         std::string &error);
// The usage lines of the options above.
std::string securityUsage();

} // namespace kastle::broker
