#include "ConfigPaths.h"

#include <QDir>

namespace tw::config {

namespace {
bool isSpecial(const QString &path)
{
    return path.isEmpty() || path == QLatin1String(":memory:");
}
} // namespace

QString resolveConfigPath(const QString &path, const QString &baseDir)
{
    if (isSpecial(path))
        return path;
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::cleanPath(QDir::homePath() + path.mid(1));
    if (QDir::isAbsolutePath(path) || baseDir.isEmpty())
        return QDir::cleanPath(path);
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

QString relativeConfigPath(const QString &path, const QString &baseDir)
{
    if (isSpecial(path) || baseDir.isEmpty() || !QDir::isAbsolutePath(path))
        return path;
    const QString relative = QDir(baseDir).relativeFilePath(path);
    if (relative == QLatin1String("..") || relative.startsWith(QLatin1String("../"))
        || QDir::isAbsolutePath(relative)) {
        return path;
    }
    return relative;
}

} // namespace tw::config
