// Small helpers shared by the GUI tests.
#pragma once

#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace kastle::test {

inline QString binDir()
{
    return QStringLiteral(KASTLE_BIN_DIR);
}

inline QString dataFile(const char *name)
{
    return QStringLiteral(KASTLE_TEST_DATA_DIR "/") + QLatin1String(name);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// True while `pid` is a live process; a zombie (exited, waiting to be reaped) counts as gone.
inline bool processAlive(qint64 pid)
{
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.isEmpty())
        return false;
    // "pid (comm) S ...": the state letter follows the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    return !(close > 0 && stat.size() > close + 2 && stat.at(close + 2) == 'Z');
}

} // namespace kastle::test
