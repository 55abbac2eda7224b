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

} // namespace kastle::test
