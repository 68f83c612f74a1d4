#include "AppInfo.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace tw::app {

void applyAppInfo()
{
    // No organisation name: paths become ~/.config/tablewright and
    // ~/.local/share/tablewright rather than tablewright/tablewright.
    QCoreApplication::setOrganizationDomain(QStringLiteral("tablewright.io"));
    QCoreApplication::setApplicationName(QStringLiteral("tablewright"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TW_VERSION));
    // Debug output only on request; QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("tablewright.*.debug=false"));
}

} // namespace tw::app
