// PLAIN and SCRAM servers.
#include "saslserver.h"

#include <cstring>

namespace kastle::broker {

using crypto::Bytes;
using crypto::Hash;

namespace {

SaslStep failure(std::string error)
{
    SaslStep s;
    s.outcome = SaslStep::Outcome::Failure;
    s.error = std::move(error);
    return s;
}

class PlainServer final : public SaslServer
{
public:
    explicit PlainServer(const UserStore &users)
        : m_users(users)
    {}

    SaslStep step(Bytes token) override
    {
        std::string text(crypto::asText(token));
        std::memset(token.data(), 0, token.size());
        const size_t first = text.find('\0');
        const size_t second = first == std::string::npos ? first : text.find('\0', first + 1);
        if (second == std::string::npos) {
            crypto::wipe(text);
            return failure("Invalid SASL/PLAIN response: expected authzid NUL user NUL password");
        }
        const std::string authzid = text.substr(0, first);
        const std::string user = text.substr(first + 1, second - first - 1);
        std::string password = text.substr(second + 1);
        crypto::wipe(text);
        const bool ok = m_users.verifyPassword(user, password);
        crypto::wipe(password);
        if (!authzid.empty() && authzid != user)
            return failure("Authentication failed: Client requested an authorization id that "
                           "is different from username");
        if (!ok)
            return failure("Authentication failed: Invalid username or password");
        m_user = user;
        SaslStep s;
        s.outcome = SaslStep::Outcome::Success;
        return s;
    }
    const std::string &user() const override { return m_user; }

private:
    const UserStore &m_users;
    std::string m_user;
};

// "a=1,b=2" -> the value of `key` (the first attribute with that letter).
std::optional<std::string> attribute(std::string_view message, char key)
{
    size_t pos = 0;
    while (pos <= message.size()) {
        size_t end = message.find(',', pos);
        if (end == std::string_view::npos)
            end = message.size();
        const std::string_view item = message.substr(pos, end - pos);
        if (item.size() >= 2 && item[0] == key && item[1] == '=')
            return std::string(item.substr(2));
        pos = end + 1;
    }
    return std::nullopt;
}

// saslname: "=2C" is ',' and "=3D" is '='; any other '=' is malformed.
std::optional<std::string> unescapeName(std::string_view name)
{
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        if (name[i] != '=') {
            out += name[i];
            continue;
        }
        if (name.substr(i, 3) == "=2C")
            out += ',';
        else if (name.substr(i, 3) == "=3D")
            out += '=';
        else
            return std::nullopt;
        i += 2;
    }
    return out;
}

class ScramServer final : public SaslServer
{
public:
    ScramServer(const UserStore &users, Hash hash, std::string mechanism)
        : m_users(users)
        , m_hash(hash)
        , m_mechanism(std::move(mechanism))
    {}

    SaslStep step(Bytes token) override
    {
        const std::string message(crypto::asText(token));
        switch (m_state) {
        case State::First:
            return first(message);
        case State::Final:
            return final(message);
        case State::Done:
            break;
        }
        return failure("Unexpected SASL token after the SCRAM exchange ended");
    }
    const std::string &user() const override { return m_user; }

private:
    enum class State { First, Final, Done };

    SaslStep invalid(std::string_view what)
    {
        m_state = State::Done;
        return failure("Invalid SCRAM message: " + std::string(what));
    }

    SaslStep first(const std::string &message)
    {
        // gs2-header: cbind-flag "," [authzid] ","
        if (message.size() < 3 || (message[0] != 'n' && message[0] != 'y'))
            return invalid(message.empty() || message[0] != 'p'
                               ? "bad GS2 header"
                               : "channel binding is not supported");
        if (message[1] != ',')
            return invalid("bad GS2 header");
        const size_t headerEnd = message.find(',', 2);
        if (headerEnd == std::string::npos)
            return invalid("bad GS2 header");
        m_gs2Header = message.substr(0, headerEnd + 1);
        m_clientFirstBare = message.substr(headerEnd + 1);
        const auto name = attribute(m_clientFirstBare, 'n');
        const auto nonce = attribute(m_clientFirstBare, 'r');
        if (!name || !nonce || nonce->empty() || m_clientFirstBare.rfind("n=", 0) != 0)
            return invalid("client-first-message needs n= and r=");
        const auto user = unescapeName(*name);
        if (!user)
            return invalid("bad user name encoding");
        const std::string_view authzid =
            std::string_view(m_gs2Header).substr(2, m_gs2Header.size() - 3);
        if (!authzid.empty() && authzid != "a=" + *name) {
            m_state = State::Done;
            return failure("Authentication failed: Client requested an authorization id that is "
                           "different from username");
        }
        m_user = *user;
        m_credential = m_users.credential(m_user, m_hash);
        Bytes salt;
        int iterations = UserStore::kIterations;
        if (m_credential) {
            salt = m_credential->salt;
            iterations = m_credential->iterations;
        } else {
            // A stable fake salt: the same unknown name always gets the same answer.
            static const Bytes secret = crypto::randomBytes(32);
            salt = crypto::hmac(Hash::Sha256, secret, m_user);
            salt.resize(24);
        }
        m_nonce = *nonce + crypto::base64Encode(crypto::randomBytes(18));
        m_serverFirst = "r=" + m_nonce + ",s=" + crypto::base64Encode(salt) +
                        ",i=" + std::to_string(iterations);
        m_state = State::Final;
        SaslStep s;
        s.outcome = SaslStep::Outcome::Continue;
        s.response.assign(m_serverFirst.begin(), m_serverFirst.end());
        return s;
    }

    SaslStep final(const std::string &message)
    {
        m_state = State::Done;
        const size_t proofAt = message.rfind(",p=");
        if (proofAt == std::string::npos)
            return invalid("client-final-message needs p=");
        const std::string withoutProof = message.substr(0, proofAt);
        const auto binding = attribute(withoutProof, 'c');
        const auto nonce = attribute(withoutProof, 'r');
        const auto proof = crypto::base64Decode(message.substr(proofAt + 3));
        if (!binding || !nonce || !proof)
            return invalid("client-final-message needs c=, r= and p=");
        const Bytes header(m_gs2Header.begin(), m_gs2Header.end());
        if (*binding != crypto::base64Encode(header))
            return invalid("channel binding data does not match the GS2 header");
        // Kafka accepts any client-final nonce that ends with the server's (librdkafka 2.0.2
        // sends its own nonce in front of the combined one), and so do we.
        if (nonce->size() < m_nonce.size() ||
            nonce->compare(nonce->size() - m_nonce.size(), m_nonce.size(), m_nonce) != 0)
            return invalid("nonce mismatch");
        const std::string failed = "Authentication failed during authentication due to invalid "
                                   "credentials with SASL mechanism " +
                                   m_mechanism;
        if (!m_credential || proof->size() != crypto::digestSize(m_hash))
            return failure(failed);
        const std::string authMessage =
            m_clientFirstBare + "," + m_serverFirst + "," + withoutProof;
        const Bytes clientSignature = crypto::hmac(m_hash, m_credential->storedKey, authMessage);
        Bytes clientKey(proof->size());
        for (size_t i = 0; i < clientKey.size(); ++i)
            clientKey[i] = (*proof)[i] ^ clientSignature[i];
        if (!crypto::constantTimeEquals(crypto::digest(m_hash, crypto::asText(clientKey)),
                                        m_credential->storedKey))
            return failure(failed);
        const Bytes serverSignature = crypto::hmac(m_hash, m_credential->serverKey, authMessage);
        const std::string serverFinal = "v=" + crypto::base64Encode(serverSignature);
        SaslStep s;
        s.outcome = SaslStep::Outcome::Success;
        s.response.assign(serverFinal.begin(), serverFinal.end());
        return s;
    }

    const UserStore &m_users;
    Hash m_hash;
    std::string m_mechanism;
    State m_state = State::First;
    std::string m_user;
    const ScramCredential *m_credential = nullptr;
    std::string m_gs2Header;
    std::string m_clientFirstBare;
    std::string m_nonce;
    std::string m_serverFirst;
};

} // namespace

const std::vector<std::string> &SaslServer::mechanisms()
{
    static const std::vector<std::string> names{"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"};
    return names;
}

std::unique_ptr<SaslServer> SaslServer::create(std::string_view mechanism, const UserStore &users)
{
    if (mechanism == "PLAIN")
        return std::make_unique<PlainServer>(users);
    if (mechanism == "SCRAM-SHA-256")
        return std::make_unique<ScramServer>(users, Hash::Sha256, "SCRAM-SHA-256");
    if (mechanism == "SCRAM-SHA-512")
        return std::make_unique<ScramServer>(users, Hash::Sha512, "SCRAM-SHA-512");
    return nullptr;
}

} // namespace kastle::broker
