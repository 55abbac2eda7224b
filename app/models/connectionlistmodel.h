// The clusters of the sidebar: the "Local sandbox" entry first, then the connection profiles in
// their saved order, each with a connection status. Rows change in place (insert, remove,
// move, dataChanged); the model never resets after the first load.
#pragma once

#include "profiles/connectionprofile.h"

#include <QAbstractTableModel>
#include <QHash>

namespace kastle::core {

enum class ClusterStatus {
    Idle,       // not connected and nothing tried yet (grey)
    Connecting, // test or connection under way / sandbox starting (amber)
    Connected,  // reachable; for the sandbox: running (green)
    Failed      // the last attempt failed; statusText() says why (red)
};

class ConnectionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, BootstrapColumn, EnvironmentColumn, StatusColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString: profile id, or sandboxId() for the sandbox row
        IsSandboxRole,             // bool
        StatusRole,                // int: ClusterStatus
        StatusTextRole,            // QString: translated sentence
        EnvironmentRole,           // int: Environment
        BootstrapRole,             // QString
    };

    explicit ConnectionListModel(QObject *parent = nullptr);

    static QString sandboxId() { return QStringLiteral("sandbox"); }

    void setProfiles(const QList<ConnectionProfile> &profiles); // initial load
    void upsertProfile(const ConnectionProfile &profile);       // new ones go last
    void removeProfile(const QString &id);
    // Moves a profile one place up (delta -1) or down (+1) among the profiles.
    bool moveProfile(const QString &id, int delta);
    QStringList profileIds() const;

    void setStatus(const QString &id, ClusterStatus status, const QString &text);
    void setSandboxBootstrap(const QString &bootstrap);

    int rowOf(const QString &id) const; // -1 if unknown
    QString idAt(int row) const;
    std::optional<ConnectionProfile> profile(const QString &id) const;
    // The sandbox as a connectable profile while it runs (PLAINTEXT, development).
    ConnectionProfile sandboxProfile() const;
    ClusterStatus status(const QString &id) const;
    QString statusText(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct StatusEntry
    {
        ClusterStatus status = ClusterStatus::Idle;
        QString text;
    };
    void rowChanged(int row);

    QList<ConnectionProfile> m_profiles; // row = index + 1
    QHash<QString, StatusEntry> m_status;
    QString m_sandboxBootstrap;
};

} // namespace kastle::core
