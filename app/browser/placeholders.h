// Placeholders in produced keys, values and header values, expanded for every message sent:
//   {{uuid}}              a random UUID (8-4-4-4-12, no braces)
//   {{now}}               the current time, ISO 8601 in UTC with milliseconds
//   {{now.ms}}            the current time in milliseconds since the epoch
//   {{seq}}               the message's number within this send, from 1
//   {{random.int(a,b)}}   a random integer between a and b, both included
// Anything else between {{ and }} is left as written; unknown() lists such names so the
// producer dialog can warn before sending.
#pragma once

#include <QDateTime>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace kastle::core {

class Placeholders
{
public:
    static QString expand(const QString &text, qint64 seq, const QDateTime &now,
                          QRandomGenerator &random);
    static QStringList unknown(const QString &text);
    static bool contains(const QString &text);
};

} // namespace kastle::core
