#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace tw::test {

struct AppRun
{
    int exitCode = -1;   // -1 when the binary did not start
    QString out;
    QString err;
};

// Runs the real application binary to the end. The path is the test
// target's TW_APP_BINARY compile definition (only targets that depend on
// the binary have it), so the caller passes it in. TABLEWRIGHT_CONFIG and
// DATABASE_URL of the developer's shell are removed first, then `env` is
// applied: a run sees only the configuration its test gives it.
AppRun runApp(const QString &binary, const QStringList &args, const QMap<QString, QString> &env = {},
              const QByteArray &stdinData = {});

} // namespace tw::test
