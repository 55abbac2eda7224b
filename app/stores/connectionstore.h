// Connection profiles and UI state in the console's SQLite database. Holds no secrets: those go
// through SecretStore to the keychain. Calls are short single-row statements on the calling
// thread; the database belongs to the thread that opened it.
#pragma once

#include "database.h"
#include "profiles/connectionprofile.h"
#include "result.h"

#include <QCoreApplication>
#include <QStringList>

namespace kastle::core {

class ConnectionStore
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::ConnectionStore)
public:
    explicit ConnectionStore(Database &database)
        : m_db(database)
    {}

    Result<QList<ConnectionProfile>> loadProfiles() const; // in display order
    // Inserts (assigning a new id and the last position) or updates the profile in place.
    Status saveProfile(ConnectionProfile &profile);
    Status removeProfile(const QString &id);
    // The full list of profile ids in the new display order.
    Status setOrder(const QStringList &ids);

    QString uiValue(const QString &key, const QString &fallback = {}) const;
    Status setUiValue(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace kastle::core
