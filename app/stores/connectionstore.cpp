// Profile rows <-> ConnectionProfile, and the ui_state key/value table.
#include "connectionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace kastle::core {

namespace {

QString extraToJson(const PropertyList &props)
{
    QJsonArray array;
    for (const auto &[k, v] : props)
        array.append(QJsonArray{k, v});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

PropertyList extraFromJson(const QString &text)
{
    PropertyList props;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &item : array) {
        const QJsonArray pair = item.toArray();
        if (pair.size() == 2)
            props.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return props;
}

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' for "unset".
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Error sqlError(const QString &what, const QSqlQuery &q)
{
    return Error{ConnectionStore::tr("%1: %2").arg(what, q.lastError().text())};
}

} // namespace

Result<QList<ConnectionProfile>> ConnectionStore::loadProfiles() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT id, name, bootstrap, security_protocol, sasl_mechanism, username, ca_file, "
            "cert_file, key_file, verify_hostname, extra, environment FROM profiles "
            "ORDER BY position, name")))
        return sqlError(tr("Could not read the connection profiles"), q);
    QList<ConnectionProfile> profiles;
    while (q.next()) {
        ConnectionProfile p;
        p.id = q.value(0).toString();
        p.name = q.value(1).toString();
        p.bootstrapServers = q.value(2).toString();
        p.securityProtocol = ProfileRules::parseProtocol(q.value(3).toString())
                                 .value_or(SecurityProtocol::Plaintext);
        p.saslMechanism =
            ProfileRules::parseMechanism(q.value(4).toString()).value_or(SaslMechanism::Plain);
        p.username = q.value(5).toString();
        p.caFile = q.value(6).toString();
        p.certificateFile = q.value(7).toString();
        p.keyFile = q.value(8).toString();
        p.verifyHostname = q.value(9).toInt() != 0;
        p.extraProperties = extraFromJson(q.value(10).toString());
        p.environment = ProfileRules::parseEnvironment(q.value(11).toString())
                            .value_or(Environment::Development);
        profiles.append(p);
    }
    return profiles;
}

Status ConnectionStore::saveProfile(ConnectionProfile &profile)
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    const bool insert = profile.id.isEmpty();
    if (insert) {
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        q.prepare(QStringLiteral(
            "INSERT INTO profiles (id, position, name, bootstrap, security_protocol, "
            "sasl_mechanism, username, ca_file, cert_file, key_file, verify_hostname, extra, "
            "environment) VALUES (:id, (SELECT COALESCE(MAX(position), -1) + 1 FROM profiles), "
            ":name, :bootstrap, :protocol, :mechanism, :username, :ca, :cert, :key, :verify, "
            ":extra, :environment)"));
    } else {
        q.prepare(QStringLiteral(
            "UPDATE profiles SET name = :name, bootstrap = :bootstrap, security_protocol = "
            ":protocol, sasl_mechanism = :mechanism, username = :username, ca_file = :ca, "
            "cert_file = :cert, key_file = :key, verify_hostname = :verify, extra = :extra, "
            "environment = :environment WHERE id = :id"));
    }
    q.bindValue(QStringLiteral(":id"), profile.id);
    q.bindValue(QStringLiteral(":name"), text(profile.name));
    q.bindValue(QStringLiteral(":bootstrap"), text(profile.bootstrapServers));
    q.bindValue(QStringLiteral(":protocol"), ProfileRules::protocolName(profile.securityProtocol));
    q.bindValue(QStringLiteral(":mechanism"), ProfileRules::mechanismName(profile.saslMechanism));
    q.bindValue(QStringLiteral(":username"), text(profile.username));
    q.bindValue(QStringLiteral(":ca"), text(profile.caFile));
    q.bindValue(QStringLiteral(":cert"), text(profile.certificateFile));
    q.bindValue(QStringLiteral(":key"), text(profile.keyFile));
    q.bindValue(QStringLiteral(":verify"), profile.verifyHostname ? 1 : 0);
    q.bindValue(QStringLiteral(":extra"), extraToJson(profile.extraProperties));
    q.bindValue(QStringLiteral(":environment"), ProfileRules::environmentKey(profile.environment));
    if (!q.exec()) {
        if (insert)
            profile.id.clear();
        return sqlError(tr("Could not save the connection \"%1\"").arg(profile.name), q);
    }
    if (!insert && q.numRowsAffected() == 0)
        return Error{tr("The connection \"%1\" no longer exists.").arg(profile.name)};
    return Done{};
}

Status ConnectionStore::removeProfile(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM profiles WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec())
        return sqlError(tr("Could not delete the connection"), q);
    return Done{};
}

Status ConnectionStore::setOrder(const QStringList &ids)
{
    QSqlDatabase db = m_db.connection();
    if (!db.transaction())
        return Error{tr("Could not reorder the connections: %1").arg(db.lastError().text())};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE profiles SET position = :position WHERE id = :id"));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        q.bindValue(QStringLiteral(":position"), static_cast<qlonglong>(i));
        q.bindValue(QStringLiteral(":id"), ids.at(i));
        if (!q.exec()) {
            const Error e = sqlError(tr("Could not reorder the connections"), q);
            db.rollback();
            return e;
        }
    }
    if (!db.commit())
        return Error{tr("Could not reorder the connections: %1").arg(db.lastError().text())};
    return Done{};
}

QString ConnectionStore::uiValue(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT value FROM ui_state WHERE key = :key"));
    q.bindValue(QStringLiteral(":key"), key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

Status ConnectionStore::setUiValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO ui_state (key, value) VALUES (:key, :value) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.bindValue(QStringLiteral(":key"), key);
    q.bindValue(QStringLiteral(":value"), value);
    if (!q.exec())
        return sqlError(tr("Could not save the setting %1").arg(key), q);
    return Done{};
}

} // namespace kastle::core
