// Listener setup, the authentication gate and raw SASL token frames.
#include "listeners.h"

#include "log.h"

namespace kastle::broker {

std::shared_ptr<const SecuritySetup> SecuritySetup::create(const SecurityOptions &options,
                                                           const std::string &defaultHost,
                                                           uint16_t defaultPort,
                                                           std::string &error)
{
    auto setup = std::make_shared<SecuritySetup>();
    setup->m_users = options.users ? std::make_shared<UserStore>(*options.users)
                                   : std::make_shared<UserStore>();
    for (const auto &file : options.userFiles)
        if (!setup->m_users->loadFile(file, &error))
            return nullptr;
    setup->m_mechanisms = options.saslMechanisms.empty() ? SaslServer::mechanisms()
                                                         : options.saslMechanisms;
    std::vector<ListenerSpec> specs = options.listeners;
    if (specs.empty())
        specs.push_back({"PLAINTEXT", SecurityProtocol::Plaintext, defaultHost, defaultPort});
    std::shared_ptr<TlsContext> tls;
    for (auto &spec : specs) {
        Listener l;
        if (usesTls(spec.protocol)) {
            if (!tls) {
                if (options.sslCertificate.empty() || options.sslKey.empty()) {
                    error = "the " + spec.name + " listener needs --ssl-cert and --ssl-key";
                    return nullptr;
                }
                tls = TlsContext::create(options.sslCertificate, options.sslKey, options.sslCa,
                                         options.clientAuth, error);
                if (!tls)
                    return nullptr;
            }
            l.tls = tls;
        }
        if (usesSasl(spec.protocol) && setup->m_users->empty()) {
            error = "the " + spec.name +
                    " listener needs SASL users (--sasl-user or --sasl-users-file)";
            return nullptr;
        }
        l.spec = std::move(spec);
        setup->m_listeners.push_back(std::move(l));
    }
    return setup;
}

bool SecuritySetup::anySasl() const
{
    for (const auto &l : m_listeners)
        if (usesSasl(l.spec.protocol))
            return true;
    return false;
}

ConnectionSecurity *connectionSecurity(Connection &connection)
{
    return static_cast<ConnectionSecurity *>(connection.userState().get());
}

void configureListener(Server &server, std::shared_ptr<const SecuritySetup> setup,
                       const SecuritySetup::Listener &listener)
{
    if (listener.tls) {
        std::shared_ptr<TlsContext> tls = listener.tls;
        server.setTransportFactory([tls](int fd) { return tls->wrap(fd); });
    }
    server.setConnectionInit([setup, &listener](Connection &connection) {
        auto state = std::make_shared<ConnectionSecurity>();
        state->setup = setup;
        state->listener = &listener;
        connection.userState() = std::move(state);
    });
}

namespace {

// A bare token frame of a SaslHandshake v0 client.
bool handleRawToken(const std::shared_ptr<Connection> &connection, const Connection::Frame &frame)
{
    ConnectionSecurity *s = connectionSecurity(*connection);
    if (!s || s->phase != SaslPhase::RawTokens)
        return false;
    const SaslStep step = s->sasl->step(crypto::Bytes(frame->begin(), frame->end()));
    if (step.outcome == SaslStep::Outcome::Failure) {
        KLOG_INFO("sasl", "authentication of " + connection->peer() + " with " + s->mechanism +
                              " failed: " + step.error);
        s->phase = SaslPhase::Failed;
        connection->close("SASL authentication failed");
        return true;
    }
    protocol::Writer w(step.response.size() + 4);
    w.i32(static_cast<int32_t>(step.response.size()));
    w.raw(step.response);
    const uint64_t seq = connection->beginRequest();
    if (step.outcome == SaslStep::Outcome::Success) {
        s->phase = SaslPhase::Done;
        s->user = s->sasl->user();
        s->sasl.reset();
        KLOG_DEBUG("sasl", connection->peer() + " authenticated as " + s->user);
    }
    connection->respond(seq, std::move(w));
    return true;
}

} // namespace

void installSecurity(Dispatcher &dispatcher, const SecuritySetup &setup)
{
    if (!setup.anySasl())
        return;
    dispatcher.setGate([](const Connection &connection, const ApiHandler &handler) {
        auto *s = static_cast<const ConnectionSecurity *>(connection.userState().get());
        return !s || s->authenticated() || handler.beforeAuthentication;
    });
    dispatcher.setFrameFilter(&handleRawToken);
}

std::optional<AdvertisedEndpoint> advertisedEndpoint(const BrokerEndpoint &broker,
                                                     Connection &connection)
{
    const ConnectionSecurity *s = connectionSecurity(connection);
    if (!s || broker.listeners.empty())
        return AdvertisedEndpoint{broker.host, broker.port};
    for (const auto &l : broker.listeners)
        if (l.name == s->listener->spec.name)
            return AdvertisedEndpoint{l.host, l.port};
    return std::nullopt;
}

} // namespace kastle::broker
