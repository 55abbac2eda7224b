// Produce templates saved in the console's SQLite database (table produce_templates, created by
// the database's schema step 2 -> 3, see stores/database.h):
//   produce_templates(name TEXT PRIMARY KEY, topic, message_key, key_null INTEGER, value,
//                     headers TEXT /* JSON array of [name, value] */, partition INTEGER,
//                     compression, acks, repeat INTEGER, interval_ms INTEGER, updated INTEGER)
// Templates are few and small; reads and writes are single statements on the UI thread's
// connection.
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace kastle::core {

struct ProduceTemplate
{
    QString name;
    QString topic;
    QString key;
    bool nullKey = false;
    QString value;
    QList<std::pair<QString, QString>> headers;
    int partition = -1;
    QString compression = QStringLiteral("none");
    QString acks = QStringLiteral("all");
    int repeat = 1;
    int intervalMs = 0;

    bool operator==(const ProduceTemplate &) const = default;
};

class TemplateStore
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::TemplateStore)
public:
    explicit TemplateStore(QSqlDatabase db);

    Result<QList<ProduceTemplate>> list() const; // sorted by name
    Status save(const ProduceTemplate &t);       // inserts or replaces by name
    Status remove(const QString &name);

private:
    QSqlDatabase m_db;
};

} // namespace kastle::core
