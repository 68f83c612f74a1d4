#include "AppRun.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace tw::test {

AppRun runApp(const QString &binary, const QStringList &args, const QMap<QString, QString> &env,
              const QByteArray &stdinData)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("TABLEWRIGHT_CONFIG"));
    environment.remove(QStringLiteral("DATABASE_URL"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(binary, args);
    if (!process.waitForStarted(10000))
        return {};
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace tw::test
