// A broker's listeners and the security of each connection: the setup shared by the brokers
// of a process (listeners, salted users, TLS contexts), the per-connection state kept in
// Connection::userState(), the dispatcher gate that serves nothing but ApiVersions,
// SaslHandshake and SaslAuthenticate before authentication, and the raw SASL tokens of
// SaslHandshake v0 clients (kafka-python 2.0.2): after a v0 handshake the client sends its
// tokens as bare size-prefixed frames, and the broker answers each with a bare frame (an empty
// one when PLAIN succeeds); a failed login closes the connection, as Kafka does for v0.
//
// Every listener is registered with the controller by name, and Metadata and FindCoordinator
// answer with the endpoint of the listener the client came in on (advertisedEndpoint).
#pragma once

#include "saslserver.h"
#include "securityoptions.h"

#include "cluster/clusterimage.h"
#include "server/dispatcher.h"
#include "server/server.h"

#include <memory>
#include <optional>

namespace kastle::broker {

class SecuritySetup
{
public:
    struct Listener
    {
        ListenerSpec spec;
        std::shared_ptr<TlsContext> tls; // for SSL and SASL_SSL
    };

    // Reads the users files and builds the TLS context. `defaultHost`/`defaultPort` make the
    // PLAINTEXT listener used when none is configured. Null with a sentence on failure.
    static std::shared_ptr<const SecuritySetup> create(const SecurityOptions &options,
                                                       const std::string &defaultHost,
                                                       uint16_t defaultPort, std::string &error);

    const std::vector<Listener> &listeners() const { return m_listeners; }
    const UserStore &users() const { return *m_users; }
    const std::vector<std::string> &mechanisms() const { return m_mechanisms; }
    bool anySasl() const;

private:
    std::vector<Listener> m_listeners;
    std::shared_ptr<UserStore> m_users;
    std::vector<std::string> m_mechanisms;
};

// Where a connection is in SASL authentication.
enum class SaslPhase {
    Handshake,    // waiting for SaslHandshake
    Authenticate, // mechanism chosen (v1): SaslAuthenticate requests carry the tokens
    RawTokens,    // mechanism chosen (v0): bare token frames follow
    Done,         // authenticated
    Failed,       // refused; the connection is closing
};

struct ConnectionSecurity
{
    std::shared_ptr<const SecuritySetup> setup;
    const SecuritySetup::Listener *listener = nullptr;
    SaslPhase phase = SaslPhase::Handshake;
    std::unique_ptr<SaslServer> sasl;
    std::string mechanism;
    std::string user; // after authentication

    bool saslRequired() const { return usesSasl(listener->spec.protocol); }
    bool authenticated() const { return !saslRequired() || phase == SaslPhase::Done; }
};

// The connection's security state; null for connections of a broker without a setup.
ConnectionSecurity *connectionSecurity(Connection &connection);

// Makes `server` serve `listener`: TLS when it says so, and the per-connection state.
void configureListener(Server &server, std::shared_ptr<const SecuritySetup> setup,
                       const SecuritySetup::Listener &listener);
// The gate and the raw-token filter, when some listener uses SASL.
void installSecurity(Dispatcher &dispatcher, const SecuritySetup &setup);

struct AdvertisedEndpoint
{
    std::string host;
    int32_t port = 0;
};
// The address of `broker` on the listener `connection` came in on; nullopt when that broker
// has no such listener.
std::optional<AdvertisedEndpoint> advertisedEndpoint(const BrokerEndpoint &broker,
                                                     Connection &connection);

} // namespace kastle::broker
