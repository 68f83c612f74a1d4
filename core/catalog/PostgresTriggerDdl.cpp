// Triggers of pgddl (PostgresDdl.h): CREATE TRIGGER and the firing mode.
#include "PostgresDdl.h"

#include "PostgresDdlText.h"
#include "PostgresIdentifiers.h"

namespace tw::catalog::pgddl {

using detail::kEnd;
using detail::statementText;

namespace {

QString triggerMode(const Trigger &trigger)
{
    if (!trigger.enabledMode.isEmpty())
        return trigger.enabledMode;
    return trigger.enabled ? QStringLiteral("origin") : QStringLiteral("disabled");
}

} // namespace

QString createTrigger(const Relation &relation, const Trigger &trigger)
{
    QString sql = statementText(trigger.definition) + kEnd;
    const QString mode = triggerMode(trigger);
    QString change;
    if (mode == QLatin1String("disabled"))
        change = QStringLiteral(" DISABLE TRIGGER ");
    else if (mode == QLatin1String("always"))
        change = QStringLiteral(" ENABLE ALWAYS TRIGGER ");
    else if (mode == QLatin1String("replica"))
        change = QStringLiteral(" ENABLE REPLICA TRIGGER ");
    if (!change.isEmpty())
        sql += QStringLiteral("ALTER TABLE ") + pgQualified(relation.schema, relation.name) + change + pgIdent(trigger.name) + kEnd;
    return sql;
}

} // namespace tw::catalog::pgddl
