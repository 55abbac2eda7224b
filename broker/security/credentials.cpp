// Salted SASL credentials.
#include "credentials.h"

#include "storage/fileio.h"

#include <cerrno>

namespace kastle::broker {

using crypto::Hash;

ScramCredential UserStore::derive(Hash hash, std::string_view password, crypto::Bytes salt,
                                  int iterations)
{
    ScramCredential c;
    const crypto::Bytes salted = crypto::pbkdf2(hash, password, salt, iterations);
    const crypto::Bytes clientKey = crypto::hmac(hash, salted, "Client Key");
    c.storedKey = crypto::digest(hash, crypto::asText(clientKey));
    c.serverKey = crypto::hmac(hash, salted, "Server Key");
    c.salt = std::move(salt);
    c.iterations = iterations;
    return c;
}

bool UserStore::addUser(const std::string &name, std::string &password, std::string *error)
{
    bool valid = !name.empty() && name.size() <= 255;
    for (char c : name)
        valid = valid && c != ':' && static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
    if (!valid) {
        crypto::wipe(password);
        if (error)
            *error = "a SASL user name must be 1 to 255 characters without ':' or control "
                     "characters";
        return false;
    }
    User user;
    user.sha256 = derive(Hash::Sha256, password, crypto::randomBytes(24), kIterations);
    user.sha512 = derive(Hash::Sha512, password, crypto::randomBytes(24), kIterations);
    crypto::wipe(password);
    m_users[name] = std::move(user);
    return true;
}

bool UserStore::loadFile(const std::string &path, std::string *error)
{
    auto content = fileio::readFile(path);
    if (!content) {
        if (error)
            *error = fileio::errorText("cannot read the SASL users file", path, errno);
        return false;
    }
    bool ok = true;
    size_t lineNumber = 0;
    size_t pos = 0;
    while (ok && pos <= content->size()) {
        size_t end = content->find('\n', pos);
        if (end == std::string::npos)
            end = content->size();
        std::string line = content->substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line.front() == '#') {
            crypto::wipe(line);
            continue;
        }
        const size_t colon = line.find(':');
        if (colon == std::string::npos) {
            if (error)
                *error = path + ":" + std::to_string(lineNumber) + ": expected name:password";
            ok = false;
        } else {
            std::string password = line.substr(colon + 1);
            std::string problem;
            if (!addUser(line.substr(0, colon), password, &problem)) {
                if (error)
                    *error = path + ":" + std::to_string(lineNumber) + ": " + problem;
                ok = false;
            }
        }
        crypto::wipe(line);
    }
    crypto::wipe(*content);
    return ok;
}

const ScramCredential *UserStore::credential(const std::string &name, Hash hash) const
{
    const auto it = m_users.find(name);
    if (it == m_users.end())
        return nullptr;
    return hash == Hash::Sha256 ? &it->second.sha256 : &it->second.sha512;
}

bool UserStore::verifyPassword(const std::string &name, std::string_view password) const
{
    const ScramCredential *c = credential(name, Hash::Sha256);
    if (!c)
        return false;
    const ScramCredential offered = derive(Hash::Sha256, password, c->salt, c->iterations);
    return crypto::constantTimeEquals(offered.storedKey, c->storedKey);
}

} // namespace kastle::broker
