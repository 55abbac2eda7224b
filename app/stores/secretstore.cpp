// QtKeychain-backed secret storage with a memory-only fallback for this run.
#include "secretstore.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <qt6keychain/keychain.h>

namespace kastle::core {

namespace {

QByteArray encode(const ProfileSecrets &s)
{
    QJsonObject o;
    if (!s.password.isEmpty())
        o.insert(QStringLiteral("password"), s.password);
    if (!s.oauthToken.isEmpty())
        o.insert(QStringLiteral("token"), s.oauthToken);
    if (!s.keyPassword.isEmpty())
        o.insert(QStringLiteral("keyPassword"), s.keyPassword);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ProfileSecrets decode(const QByteArray &data)
{
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    return {o.value(QStringLiteral("password")).toString(),
            o.value(QStringLiteral("token")).toString(),
            o.value(QStringLiteral("keyPassword")).toString()};
}

// Errors that mean "no usable keychain" rather than "this entry has a problem".
bool meansUnavailable(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented ||
           e == QKeychain::OtherError || e == QKeychain::AccessDenied ||
           e == QKeychain::AccessDeniedByUser;
}

} // namespace

SecretStore::SecretStore(QObject *parent, const QString &service)
    : QObject(parent)
    , m_service(service)
{}

QString SecretStore::keyFor(const QString &profileId)
{
    return QStringLiteral("profile/") + profileId;
}

void SecretStore::setAvailability(Availability a, const QString &reason)
{
    m_reason = reason;
    if (a == m_availability)
        return;
    m_availability = a;
    if (a == Availability::Unavailable)
        qCWarning(lcSecrets).noquote() << "keychain unavailable:" << reason;
    Q_EMIT availabilityChanged(a);
}

void SecretStore::rememberForSession(const QString &profileId, const ProfileSecrets &secrets)
{
    m_session.insert(profileId, secrets);
}

bool SecretStore::hasSessionSecrets(const QString &profileId) const
{
    return m_session.contains(profileId);
}

void SecretStore::store(const QString &profileId, const ProfileSecrets &secrets, QObject *context,
                        std::function<void(Status)> done)
{
    QPointer<QObject> guard(context);
    const auto finish = [this, guard, done, profileId, secrets](QKeychain::Job *job) {
        const QKeychain::Error e = job->error();
        Status result = Done{};
        if (e == QKeychain::NoError || (e == QKeychain::EntryNotFound && secrets.isEmpty())) {
            setAvailability(Availability::Available, {});
            m_session.remove(profileId);
        } else {
            if (meansUnavailable(e))
                setAvailability(Availability::Unavailable, job->errorString());
            if (secrets.isEmpty())
                m_session.remove(profileId);
            else
                m_session.insert(profileId, secrets);
            result = Error{tr("The system keychain could not store the secret (%1). It is kept "
                              "in memory until Kastle quits and will be asked for again next "
                              "time; it was not written to disk.")
                               .arg(job->errorString()),
                           static_cast<int>(e)};
        }
        if (guard && done)
            done(result);
    };
    if (secrets.isEmpty()) {
        auto *job = new QKeychain::DeletePasswordJob(m_service, this);
        job->setKey(keyFor(profileId));
        connect(job, &QKeychain::Job::finished, this, finish);
        job->start();
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    job->setBinaryData(encode(secrets));
    connect(job, &QKeychain::Job::finished, this, finish);
    job->start();
}

void SecretStore::load(const QString &profileId, QObject *context,
                       std::function<void(Result<ProfileSecrets>)> done)
{
    QPointer<QObject> guard(context);
    if (const auto it = m_session.constFind(profileId); it != m_session.constEnd()) {
        const ProfileSecrets secrets = *it;
        // Stay asynchronous so callers see one behaviour.
        QMetaObject::invokeMethod(
            this,
            [guard, done, secrets] {
                if (guard && done)
                    done(secrets);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    connect(job, &QKeychain::Job::finished, this, [this, guard, done](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        Result<ProfileSecrets> result = ProfileSecrets{};
        if (read->error() == QKeychain::NoError) {
            setAvailability(Availability::Available, {});
            result = decode(read->binaryData());
        } else if (read->error() == QKeychain::EntryNotFound) {
            setAvailability(Availability::Available, {});
        } else {
            if (meansUnavailable(read->error()))
                setAvailability(Availability::Unavailable, read->errorString());
            result =
                Error{tr("The system keychain could not be read (%1).").arg(read->errorString()),
                      static_cast<int>(read->error())};
        }
        if (guard && done)
            done(result);
    });
    job->start();
}

void SecretStore::remove(const QString &profileId, QObject *context,
                         std::function<void(Status)> done)
{
    m_session.remove(profileId);
    store(profileId, ProfileSecrets{}, context, std::move(done));
}

} // namespace kastle::core
