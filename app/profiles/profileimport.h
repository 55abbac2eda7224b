// Imports a connection profile from a Java client.properties file or a librdkafka property file
// (the `-F` file of kcat). All or nothing: any bad line makes the import fail with every problem
// listed by line number, and no profile is produced. Keys that do not block the import but are
// ignored come back as warnings.
#pragma once

#include "connectionprofile.h"
#include "result.h"

#include <QCoreApplication>
#include <QStringList>

namespace kastle::core {

enum class PropertyFormat {
    JavaClient, // Java client.properties: Java escapes and continuations, JAAS, trust stores
    Librdkafka  // librdkafka "key=value" lines; unknown keys become extra properties
};

struct ImportedProfile
{
    ConnectionProfile profile;
    ProfileSecrets secrets;
    QStringList warnings; // "line N: ..." sentences, translated
};

class ProfileImport
{
    Q_DECLARE_TR_FUNCTIONS(kastle::core::ProfileImport)
public:
    static Result<ImportedProfile> fromFile(const QString &path, PropertyFormat format);
    // name: the profile name to use (the file's base name when importing a file).
    static Result<ImportedProfile> fromText(const QString &text, PropertyFormat format,
                                            const QString &name);
};

} // namespace kastle::core
