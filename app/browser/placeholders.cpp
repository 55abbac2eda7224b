// Placeholder expansion for the producer.
#include "placeholders.h"

#include <QRegularExpression>
#include <QUuid>

namespace kastle::core {

namespace {

const QRegularExpression &pattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    return re;
}

const QRegularExpression &randomInt()
{
    static const QRegularExpression re(
        QStringLiteral("^random\\.int\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)$"));
    return re;
}

// The expansion of one placeholder name, or a null string when the name is unknown.
QString expandOne(const QString &name, qint64 seq, const QDateTime &now, QRandomGenerator &random)
{
    if (name == QLatin1String("uuid"))
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (name == QLatin1String("now"))
        return now.toUTC().toString(Qt::ISODateWithMs);
    if (name == QLatin1String("now.ms"))
        return QString::number(now.toMSecsSinceEpoch());
    if (name == QLatin1String("seq"))
        return QString::number(seq);
    const QRegularExpressionMatch m = randomInt().match(name);
    if (m.hasMatch()) {
        qint64 a = m.captured(1).toLongLong();
        qint64 b = m.captured(2).toLongLong();
        if (a > b)
            std::swap(a, b);
        return QString::number(
            a + static_cast<qint64>(random.bounded(static_cast<quint64>(b - a) + 1)));
    }
    return {};
}

} // namespace

QString Placeholders::expand(const QString &text, qint64 seq, const QDateTime &now,
                             QRandomGenerator &random)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = pattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString value = expandOne(m.captured(1), seq, now, random);
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += value.isNull() ? m.captured(0) : value;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QStringList Placeholders::unknown(const QString &text)
{
    QStringList names;
    QRandomGenerator random(1);
    QRegularExpressionMatchIterator it = pattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (expandOne(name, 1, QDateTime::currentDateTimeUtc(), random).isNull())
            names.append(name);
    }
    return names;
}

bool Placeholders::contains(const QString &text)
{
    return pattern().match(text).hasMatch();
}

} // namespace kastle::core
