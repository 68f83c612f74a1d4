#include "AppInfo.h"

#include <QCoreApplication>

namespace tw::app {

void applyAppInfo()
{
    // No organisation name: paths become ~/.config/tablewright and
    // ~/.local/share/tablewright rather than tablewright/tablewright.
    QCoreApplication::setOrganizationDomain(QStringLiteral("tablewright.io"));
    QCoreApplication::setApplicationName(QStringLiteral("tablewright"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TW_VERSION));
}

} // namespace tw::app
