#include "MigrationJson.h"

#include "MigrationHistory.h"

#include <QJsonArray>

namespace tw::migrate {

namespace {

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QJsonObject historyToJson(const HistoryRow &row)
{
    return {
        {QStringLiteral("rank"), row.rank},
        {QStringLiteral("type"), historyTypeName(row.type)},
        {QStringLiteral("status"), historyStatusName(row.status)},
        {QStringLiteral("script"), row.script},
        {QStringLiteral("checksum"), text(row.checksum)},
        {QStringLiteral("statementsApplied"), row.statementsApplied},
        {QStringLiteral("statementsTotal"), row.statementsTotal},
        {QStringLiteral("installedBy"), row.installedBy},
        {QStringLiteral("installedOn"), row.installedOn.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("executionMs"), row.executionMs},
        {QStringLiteral("error"), text(row.error)},
    };
}

QJsonObject errorToJson(const Error &error)
{
    return {{QStringLiteral("code"), error.codeName()},
            {QStringLiteral("message"), error.message()},
            {QStringLiteral("details"), QJsonObject::fromVariantMap(error.details())},
            {QStringLiteral("hint"), text(error.hint())}};
}

} // namespace

QJsonObject statusEntryToJson(const MigrationStatusEntry &entry)
{
    QJsonObject out{
        {QStringLiteral("kind"), entry.kind == MigrationKind::Repeatable ? QStringLiteral("repeatable") : QStringLiteral("versioned")},
        {QStringLiteral("version"), entry.version ? QJsonValue(entry.version->text()) : QJsonValue()},
        {QStringLiteral("description"), entry.description},
        {QStringLiteral("file"), text(entry.fileName)},
        {QStringLiteral("state"), stateName(entry.state)},
        {QStringLiteral("hasUndo"), entry.hasUndo},
    };
    out.insert(QStringLiteral("last"), entry.last ? QJsonValue(historyToJson(*entry.last)) : QJsonValue());
    return out;
}

QJsonObject planToJson(const MigrationPlan &plan)
{
    QJsonArray steps;
    for (const PlannedStep &step : plan.steps) {
        QJsonArray statements;
        for (qsizetype i = step.resumeFrom; i < step.statements.size(); ++i) {
            const ScriptStatement &statement = step.statements.at(i);
            statements.append(QJsonObject{{QStringLiteral("number"), statement.number},
                                          {QStringLiteral("line"), statement.line},
                                          {QStringLiteral("sql"), statement.text}});
        }
        steps.append(QJsonObject{
            {QStringLiteral("action"), actionName(step.action)},
            {QStringLiteral("file"), step.script.fileName},
            {QStringLiteral("version"), step.script.version ? QJsonValue(step.script.version->text()) : QJsonValue()},
            {QStringLiteral("transaction"), step.transactional()},
            {QStringLiteral("noTransactionReason"), text(step.noTransactionReason)},
            {QStringLiteral("resumeFrom"), step.resumeFrom},
            {QStringLiteral("statements"), statements},
        });
    }
    return {{QStringLiteral("singleTransaction"), plan.singleTransaction},
            {QStringLiteral("lock"), plan.lockPlan},
            {QStringLiteral("steps"), steps}};
}

QJsonObject reportToJson(const MigrationReport &report)
{
    QJsonArray status;
    for (const MigrationStatusEntry &entry : report.status)
        status.append(statusEntryToJson(entry));
    QJsonArray steps;
    for (const StepOutcome &step : report.steps) {
        steps.append(QJsonObject{
            {QStringLiteral("action"), actionName(step.action)},
            {QStringLiteral("file"), step.script},
            {QStringLiteral("version"), text(step.version)},
            {QStringLiteral("ok"), step.ok},
            {QStringLiteral("transaction"), step.transactional},
            {QStringLiteral("statementsApplied"), step.statementsApplied},
            {QStringLiteral("statementsTotal"), step.statementsTotal},
            {QStringLiteral("executionMs"), step.executionMs},
            {QStringLiteral("error"), text(step.error)},
        });
    }
    QJsonObject out{
        {QStringLiteral("command"), commandName(report.command)},
        {QStringLiteral("connection"), report.connection},
        {QStringLiteral("directory"), report.directory},
        {QStringLiteral("status"), status},
        {QStringLiteral("pending"), report.pendingCount()},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)},
        {QStringLiteral("ignoredFiles"), QJsonArray::fromStringList(report.ignoredFiles)},
        {QStringLiteral("ok"), !report.failure.has_value()},
    };
    if (report.command == MigrationCommand::DryRun || !report.plan.steps.isEmpty())
        out.insert(QStringLiteral("plan"), planToJson(report.plan));
    out.insert(QStringLiteral("failure"), report.failure ? QJsonValue(errorToJson(*report.failure)) : QJsonValue());
    return out;
}

} // namespace tw::migrate
