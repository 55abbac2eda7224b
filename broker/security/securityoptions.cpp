// Parsing of the listener and security options.
#include "securityoptions.h"

#include "config/topicconfig.h"

#include <cctype>

#include <charconv>

namespace kastle::broker {

std::string_view securityProtocolName(SecurityProtocol protocol)
{
    switch (protocol) {
    case SecurityProtocol::Plaintext:
        return "PLAINTEXT";
    case SecurityProtocol::Ssl:
        return "SSL";
    case SecurityProtocol::SaslPlaintext:
        return "SASL_PLAINTEXT";
    case SecurityProtocol::SaslSsl:
        return "SASL_SSL";
    }
    return "PLAINTEXT";
}

std::optional<SecurityProtocol> parseSecurityProtocol(std::string_view name)
{
    for (SecurityProtocol p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl,
                               SecurityProtocol::SaslPlaintext, SecurityProtocol::SaslSsl})
        if (securityProtocolName(p) == name)
            return p;
    return std::nullopt;
}

std::optional<ListenerSpec> parseListenerSpec(std::string_view text, std::string &error)
{
    ListenerSpec spec;
    const size_t scheme = text.find("://");
    if (scheme == std::string_view::npos) {
        error = "a listener looks like SASL_SSL://127.0.0.1:9093, not \"" + std::string(text) +
                "\"";
        return std::nullopt;
    }
    std::string_view protocolPart = text.substr(0, scheme);
    if (const size_t eq = protocolPart.find('='); eq != std::string_view::npos) {
        spec.name = std::string(protocolPart.substr(0, eq));
        protocolPart = protocolPart.substr(eq + 1);
    }
    const auto protocol = parseSecurityProtocol(protocolPart);
    if (!protocol) {
        error = "unknown security protocol \"" + std::string(protocolPart) +
                "\" (PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL)";
        return std::nullopt;
    }
    spec.protocol = *protocol;
    if (spec.name.empty())
        spec.name = std::string(protocolPart);
    for (char c : spec.name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) {
            error = "a listener name may hold letters, digits, '_' and '-' only";
            return std::nullopt;
        }
    const std::string_view address = text.substr(scheme + 3);
    const size_t colon = address.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        error = "the listener \"" + std::string(text) + "\" needs HOST:PORT";
        return std::nullopt;
    }
    std::string_view host = address.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const std::string_view port = address.substr(colon + 1);
    int value = -1;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value < 0 || value > 65535) {
        error = "the listener port must be a number from 0 to 65535, not \"" + std::string(port) +
                "\"";
        return std::nullopt;
    }
    spec.host = std::string(host);
    spec.port = static_cast<uint16_t>(value);
    return spec;
}

bool isSecurityOption(std::string_view name)
{
    static constexpr std::string_view kNames[] = {
        "--listener",  "--sasl-user", "--sasl-users-file", "--sasl-mechanisms",
        "--ssl-cert",  "--ssl-key",   "--ssl-ca",          "--ssl-client-auth"};
    for (std::string_view n : kNames)
        if (n == name)
            return true;
    return false;
}

bool applySecurityOption(std::string_view name, std::string &value, SecurityOptions &options,
                         std::string &error)
{
    if (name == "--listener") {
        auto spec = parseListenerSpec(value, error);
        if (!spec)
            return false;
        for (const auto &l : options.listeners)
            if (l.name == spec->name) {
                error = "two listeners are named " + spec->name + "; name them (NAME=" +
                        std::string(securityProtocolName(spec->protocol)) + "://...)";
                return false;
            }
        options.listeners.push_back(std::move(*spec));
        return true;
    }
    if (name == "--sasl-user") {
        const size_t colon = value.find(':');
        if (colon == std::string::npos || colon == 0) {
            crypto::wipe(value);
            error = "--sasl-user needs NAME:PASSWORD";
            return false;
        }
        if (!options.users)
            options.users = std::make_shared<UserStore>();
        std::string password = value.substr(colon + 1);
        const std::string user = value.substr(0, colon);
        crypto::wipe(value);
        return options.users->addUser(user, password, &error);
    }
    if (name == "--sasl-users-file") {
        options.userFiles.push_back(value);
        return true;
    }
    if (name == "--sasl-mechanisms") {
        options.saslMechanisms.clear();
        for (const auto &m : splitConfigList(value)) {
            if (m != "PLAIN" && m != "SCRAM-SHA-256" && m != "SCRAM-SHA-512") {
                error = "unknown SASL mechanism \"" + m +
                        "\" (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)";
                return false;
            }
            options.saslMechanisms.push_back(m);
        }
        if (options.saslMechanisms.empty()) {
            error = "--sasl-mechanisms needs at least one mechanism";
            return false;
        }
        return true;
    }
    if (name == "--ssl-cert" || name == "--ssl-key" || name == "--ssl-ca") {
        if (value.empty()) {
            error = std::string(name) + " needs a file";
            return false;
        }
        (name == "--ssl-cert" ? options.sslCertificate
         : name == "--ssl-key" ? options.sslKey
                               : options.sslCa) = value;
        return true;
    }
    if (name == "--ssl-client-auth") {
        if (value == "none")
            options.clientAuth = ClientAuth::None;
        else if (value == "requested")
            options.clientAuth = ClientAuth::Requested;
        else if (value == "required")
            options.clientAuth = ClientAuth::Required;
        else {
            error = "--ssl-client-auth must be none, requested or required, not \"" + value + "\"";
            return false;
        }
        return true;
    }
    error = "unknown option " + std::string(name);
    return false;
}

std::string securityUsage()
{
    return "                     [--listener [NAME=]PROTOCOL://HOST:PORT]...\n"
           "                     [--sasl-user NAME:PASSWORD]... [--sasl-users-file PATH]\n"
           "                     [--sasl-mechanisms PLAIN,SCRAM-SHA-256,SCRAM-SHA-512]\n"
           "                     [--ssl-cert PATH --ssl-key PATH] [--ssl-ca PATH]\n"
           "                     [--ssl-client-auth none|requested|required]\n";
}

} // namespace kastle::broker
