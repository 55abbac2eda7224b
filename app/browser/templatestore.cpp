// Produce templates in SQLite.
#include "templatestore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace kastle::core {

namespace {

QString headersToJson(const QList<std::pair<QString, QString>> &headers)
{
    QJsonArray a;
    for (const auto &[name, value] : headers)
        a.append(QJsonArray{name, value});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<std::pair<QString, QString>> headersFromJson(const QString &json)
{
    QList<std::pair<QString, QString>> out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : a) {
        const QJsonArray pair = v.toArray();
        out.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return out;
}

} // namespace

TemplateStore::TemplateStore(QSqlDatabase db)
    : m_db(std::move(db))
{}

Result<QList<ProduceTemplate>> TemplateStore::list() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT name, topic, message_key, key_null, value, headers, partition, compression, "
            "acks, repeat, interval_ms FROM produce_templates ORDER BY name COLLATE NOCASE")))
        return Error{tr("Could not read the produce templates: %1").arg(q.lastError().text())};
    QList<ProduceTemplate> out;
    while (q.next()) {
        ProduceTemplate t;
        t.name = q.value(0).toString();
        t.topic = q.value(1).toString();
        t.key = q.value(2).toString();
        t.nullKey = q.value(3).toBool();
        t.value = q.value(4).toString();
        t.headers = headersFromJson(q.value(5).toString());
        t.partition = q.value(6).toInt();
        t.compression = q.value(7).toString();
        t.acks = q.value(8).toString();
        t.repeat = q.value(9).toInt();
        t.intervalMs = q.value(10).toInt();
        out.append(t);
    }
    return out;
}

Status TemplateStore::save(const ProduceTemplate &t)
{
    if (t.name.trimmed().isEmpty())
        return Error{tr("A template needs a name.")};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO produce_templates (name, topic, message_key, key_null, value, "
        "headers, partition, compression, acks, repeat, interval_ms, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(t.name.trimmed());
    q.addBindValue(t.topic);
    q.addBindValue(t.key);
    q.addBindValue(t.nullKey ? 1 : 0);
    q.addBindValue(t.value);
    q.addBindValue(headersToJson(t.headers));
    q.addBindValue(t.partition);
    q.addBindValue(t.compression);
    q.addBindValue(t.acks);
    q.addBindValue(t.repeat);
    q.addBindValue(t.intervalMs);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return Error{
            tr("Could not save the template \"%1\": %2").arg(t.name, q.lastError().text())};
    return Done{};
}

Status TemplateStore::remove(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM produce_templates WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Error{
            tr("Could not delete the template \"%1\": %2").arg(name, q.lastError().text())};
    return Done{};
}

} // namespace kastle::core
