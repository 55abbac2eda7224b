// Secrets of connection profiles (SASL passwords, OAUTHBEARER tokens, TLS key passphrases).
// They live only in the system keychain through QtKeychain (service "kastle", one entry per
// profile, key "profile/<id>", value a small JSON object). Where no keychain service answers,
// secrets are held in memory for this run only and the user is asked again next run; they are
// never written to disk in clear. All keychain calls are asynchronous.
#pragma once

#include "profiles/connectionprofile.h"
#include "result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace kastle::core {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    explicit SecretStore(QObject *parent = nullptr,
                         const QString &service = QStringLiteral("kastle"));

    // Writes the secrets of a profile to the keychain (or deletes its entry when all are
    // empty). When the keychain is unavailable the secrets are kept for this run and the
    // callback gets an error that says so. `context` guards the callback's lifetime.
    void store(const QString &profileId, const ProfileSecrets &secrets, QObject *context,
               std::function<void(Status)> done);
    // Reads the secrets of a profile: from this run's memory if the user typed them earlier,
    // else from the keychain. A missing entry is not an error (empty secrets).
    void load(const QString &profileId, QObject *context,
              std::function<void(Result<ProfileSecrets>)> done);
    void remove(const QString &profileId, QObject *context, std::function<void(Status)> done);

    // Secrets the user typed in because the keychain could not be used; memory only.
    void rememberForSession(const QString &profileId, const ProfileSecrets &secrets);
    bool hasSessionSecrets(const QString &profileId) const;

    Availability availability() const { return m_availability; }
    // Why the keychain cannot be used, as a sentence; empty while it works.
    QString unavailableReason() const { return m_reason; }
    QString service() const { return m_service; }

    static QString keyFor(const QString &profileId);

Q_SIGNALS:
    void availabilityChanged(kastle::core::SecretStore::Availability availability);

private:
    void setAvailability(Availability a, const QString &reason);

    QString m_service;
    Availability m_availability = Availability::Unknown;
    QString m_reason;
    QHash<QString, ProfileSecrets> m_session;
};

} // namespace kastle::core
