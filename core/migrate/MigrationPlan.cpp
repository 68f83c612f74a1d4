#include "MigrationPlan.h"

#include "MigrationHistory.h"
#include "MigrationLock.h"
#include "TransactionRules.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace tw::migrate {

namespace {

const QList<std::pair<MigrationCommand, QString>> &commandNames()
{
    static const QList<std::pair<MigrationCommand, QString>> names{
        {MigrationCommand::Status, QStringLiteral("status")},   {MigrationCommand::Up, QStringLiteral("up")},
        {MigrationCommand::Down, QStringLiteral("down")},       {MigrationCommand::Validate, QStringLiteral("validate")},
        {MigrationCommand::Baseline, QStringLiteral("baseline")}, {MigrationCommand::Repair, QStringLiteral("repair")},
        {MigrationCommand::DryRun, QStringLiteral("dry-run")},
    };
    return names;
}

QString versionText(const std::optional<MigrationVersion> &version)
{
    return version ? version->text() : QString();
}

Error refused(const QString &what, const QStringList &problems, const QString &hint)
{
    return Error(ErrorCode::ValidationFailed, what + QStringLiteral(":\n  ") + problems.join(QStringLiteral("\n  ")),
                 {{QStringLiteral("problems"), problems}}, hint);
}

// Splits a step's script; a script that does not split fails the plan with
// the file and the line, before anything runs.
Result<PlannedStep> stepFor(PlannedStep::Action action, const MigrationScript &script, config::Driver driver)
{
    auto statements = splitScript(script, driver);
    if (!statements)
        return statements.error();
    for (const ScriptStatement &statement : statements.value()) {
        if (const QString reason = forbiddenStatementReason(statement.text, driver); !reason.isEmpty())
            return Error(ErrorCode::ValidationFailed,
                         QStringLiteral("%1, line %2 (statement %3): %4")
                             .arg(script.fileName)
                             .arg(statement.line)
                             .arg(statement.number)
                             .arg(reason),
                         {{QStringLiteral("file"), script.fileName}, {QStringLiteral("line"), statement.line}},
                         QStringLiteral("remove it from the migration"));
    }
    PlannedStep step;
    step.action = action;
    step.script = script;
    step.statements = statements.value();
    step.noTransactionReason = noTransactionReasonFor(script, step.statements, driver);
    return step;
}

} // namespace

QString commandName(MigrationCommand command)
{
    for (const auto &[value, name] : commandNames())
        if (value == command)
            return name;
    return {};
}

std::optional<MigrationCommand> commandFromName(const QString &name)
{
    for (const auto &[value, text] : commandNames())
        if (text == name)
            return value;
    return std::nullopt;
}

QString actionName(PlannedStep::Action action)
{
    switch (action) {
    case PlannedStep::Action::Apply: return QStringLiteral("apply");
    case PlannedStep::Action::Resume: return QStringLiteral("resume");
    case PlannedStep::Action::Undo: return QStringLiteral("undo");
    case PlannedStep::Action::ResumeUndo: return QStringLiteral("resume-undo");
    case PlannedStep::Action::Reapply: return QStringLiteral("reapply");
    }
    return {};
}

Result<QList<ScriptStatement>> splitScript(const MigrationScript &script, config::Driver driver)
{
    auto split = driver == config::Driver::Postgres ? splitPostgresScript(script.sql) : splitSqliteScript(script.sql);
    if (!split) {
        Error error = split.error();
        // The splitter counts lines of the section; the admin reads the file.
        const int line = error.details().value(QStringLiteral("line")).toInt() + script.firstLine - 1;
        static const QRegularExpression sectionLine(QStringLiteral("^line \\d+: "));
        const QString message = QString(error.message()).remove(sectionLine);
        return Error(ErrorCode::ValidationFailed, QStringLiteral("%1, line %2: %3").arg(script.fileName).arg(line).arg(message),
                     {{QStringLiteral("file"), script.fileName}, {QStringLiteral("line"), line}}, error.hint());
    }
    QList<ScriptStatement> statements = split.value();
    for (ScriptStatement &statement : statements)
        statement.line += script.firstLine - 1;
    return statements;
}

QString noTransactionReasonFor(const MigrationScript &script, const QList<ScriptStatement> &statements,
                               config::Driver driver)
{
    if (driver == config::Driver::Postgres)
        return noTransactionReason(statements, script.noTransaction);
    if (script.noTransaction)
        return QStringLiteral("marked -- tablewright:no-transaction");
    static const QRegularExpression vacuum(QStringLiteral(R"(^\s*(?:--[^\n]*\n\s*)*VACUUM\b)"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (const ScriptStatement &statement : statements) {
        if (vacuum.match(statement.text).hasMatch())
            return QStringLiteral("statement %1 (line %2): VACUUM cannot run inside a transaction")
                .arg(statement.number)
                .arg(statement.line);
    }
    return {};
}

QStringList validationProblems(const MigrationDirectory &files, const QList<HistoryRow> &history, config::Driver driver)
{
    QStringList problems;
    for (const MigrationStatusEntry &entry : migrationStatus(files, history)) {
        const QString name = entry.fileName.isEmpty() ? QStringLiteral("version %1").arg(versionText(entry.version))
                                                      : entry.fileName;
        switch (entry.state) {
        case MigrationState::ChecksumChanged:
            problems << QStringLiteral("%1: changed since it was applied (recorded %2, file %3)")
                            .arg(name, entry.last->checksum, [&] {
                                for (const MigrationScript &s : files.versioned)
                                    if (s.fileName == entry.fileName)
                                        return s.checksum;
                                return QString();
                            }());
            break;
        case MigrationState::MissingFile:
            problems << QStringLiteral("%1 (%2): applied, but its file is gone").arg(name, entry.last->script);
            break;
        case MigrationState::OutOfOrder:
            problems << QStringLiteral("%1: pending below the highest applied version (run up with out-of-order to apply it)")
                            .arg(name);
            break;
        default:
            break;
        }
    }
    for (const QList<MigrationScript> *list : {&files.versioned, &files.undo, &files.repeatable}) {
        for (const MigrationScript &script : *list) {
            auto split = splitScript(script, driver);
            if (!split)
                problems << split.error().message();
        }
    }
    return problems;
}

Result<MigrationPlan> planMigration(const MigrationDirectory &files, const QList<HistoryRow> &history,
                                    config::Driver driver, const PlanOptions &options)
{
    MigrationPlan plan;
    plan.singleTransaction = options.singleTransaction;
    plan.lockPlan = driver == config::Driver::Postgres
                        ? QStringLiteral("session advisory lock %1 (pg_try_advisory_lock, polled outside any transaction)")
                              .arg(MigrationLock::advisoryKey())
                        : QStringLiteral("lock row in tablewright_schema_lock, written under BEGIN IMMEDIATE");
    const QList<MigrationStatusEntry> status = migrationStatus(files, history);
    QHash<QString, const MigrationScript *> versioned;
    for (const MigrationScript &script : files.versioned)
        versioned.insert(script.version->normalized(), &script);
    QHash<QString, const MigrationScript *> undo;
    for (const MigrationScript &script : files.undo)
        undo.insert(script.version->normalized(), &script);

    QStringList problems;
    for (const MigrationStatusEntry &entry : status) {
        if (entry.state == MigrationState::ChecksumChanged)
            problems << QStringLiteral("%1 changed since it was applied").arg(entry.fileName);
        else if (entry.state == MigrationState::MissingFile && !options.down)
            problems << QStringLiteral("version %1 (%2) is applied but its file is gone")
                            .arg(versionText(entry.version), entry.last->script);
    }
    if (!problems.isEmpty())
        return refused(QStringLiteral("the history and the files disagree"), problems,
                       QStringLiteral("restore the files, or run repair to accept them as they are now"));

    if (options.down) {
        // Newest first, down to (not including) the target; without one, the newest only.
        QList<MigrationStatusEntry> applied;
        for (const MigrationStatusEntry &entry : status) {
            if (entry.kind == MigrationKind::Versioned
                && (entry.state == MigrationState::Applied || entry.state == MigrationState::Partial
                    || entry.state == MigrationState::MissingFile))
                applied << entry;
        }
        std::reverse(applied.begin(), applied.end());
        if (!options.target && applied.size() > 1)
            applied = applied.mid(0, 1);
        QStringList missing;
        for (const MigrationStatusEntry &entry : std::as_const(applied)) {
            if (options.target && *entry.version <= *options.target)
                break;
            const bool undoStopped = entry.state == MigrationState::Partial && entry.last->type == HistoryRow::Type::Undo;
            if (entry.state == MigrationState::Partial && !undoStopped) {
                missing << QStringLiteral("%1 stopped part-way (partial): finish it with up, or repair it by hand first")
                               .arg(entry.fileName);
                continue;
            }
            const MigrationScript *script = undo.value(entry.version->normalized());
            if (!script) {
                missing << QStringLiteral("version %1 (%2) has no undo file U%1__….sql")
                               .arg(versionText(entry.version), entry.description);
                continue;
            }
            auto step = stepFor(undoStopped ? PlannedStep::Action::ResumeUndo : PlannedStep::Action::Undo, *script, driver);
            if (!step)
                return step.error();
            if (undoStopped) {
                // Its undo ran outside a transaction and stopped: continue it where it stopped.
                step.value().resumeFrom = entry.last->statementsApplied;
                step.value().appliedHashes = entry.last->statementHashes;
                step.value().partialRank = entry.last->rank;
                if (step.value().noTransactionReason.isEmpty())
                    step.value().noTransactionReason = QStringLiteral("resumes an undo that stopped part-way");
            }
            plan.steps << step.value();
        }
        if (!missing.isEmpty())
            return refused(QStringLiteral("down cannot undo every version it would need to"), missing,
                           QStringLiteral("write the missing undo files, or choose a later target"));
    } else {
        QStringList outOfOrder;
        QStringList undoStopped;
        for (const MigrationStatusEntry &entry : status) {
            if (entry.kind != MigrationKind::Versioned)
                continue;
            if (options.target && *entry.version > *options.target)
                continue;
            const MigrationScript *script = versioned.value(entry.version->normalized());
            switch (entry.state) {
            case MigrationState::OutOfOrder:
                if (!options.outOfOrder) {
                    outOfOrder << QStringLiteral("%1 is below the highest applied version").arg(entry.fileName);
                    continue;
                }
                [[fallthrough]];
            case MigrationState::Pending:
            case MigrationState::Failed: {
                auto step = stepFor(PlannedStep::Action::Apply, *script, driver);
                if (!step)
                    return step.error();
                plan.steps << step.value();
                break;
            }
            case MigrationState::Partial: {
                if (entry.last->type == HistoryRow::Type::Undo) {
                    undoStopped << QStringLiteral("the undo of %1 stopped part-way: finish it with down first")
                                       .arg(entry.fileName);
                    continue;
                }
                auto step = stepFor(PlannedStep::Action::Resume, *script, driver);
                if (!step)
                    return step.error();
                step.value().resumeFrom = entry.last->statementsApplied;
                step.value().appliedHashes = entry.last->statementHashes;
                step.value().partialRank = entry.last->rank;
                // A resumed migration ran outside a transaction before; it does again.
                if (step.value().noTransactionReason.isEmpty())
                    step.value().noTransactionReason = QStringLiteral("resumes a migration that stopped part-way");
                plan.steps << step.value();
                break;
            }
            default:
                break;
            }
        }
        if (!undoStopped.isEmpty())
            return refused(QStringLiteral("an undo stopped part-way"), undoStopped,
                           QStringLiteral("run down to finish it, then up"));
        if (!outOfOrder.isEmpty())
            return refused(QStringLiteral("pending migrations are older than the newest applied one"), outOfOrder,
                           QStringLiteral("run up with --out-of-order to apply them anyway"));
        if (!options.target) {
            for (const MigrationStatusEntry &entry : status) {
                if (entry.kind != MigrationKind::Repeatable || entry.state == MigrationState::Applied)
                    continue;
                for (const MigrationScript &script : files.repeatable) {
                    if (script.fileName != entry.fileName)
                        continue;
                    auto step = stepFor(PlannedStep::Action::Reapply, script, driver);
                    if (!step)
                        return step.error();
                    plan.steps << step.value();
                }
            }
        }
    }
    if (options.singleTransaction) {
        QStringList blocking;
        for (const PlannedStep &step : std::as_const(plan.steps))
            if (!step.transactional())
                blocking << QStringLiteral("%1: %2").arg(step.script.fileName, step.noTransactionReason);
        if (!blocking.isEmpty())
            return refused(QStringLiteral("these migrations cannot run inside one transaction"), blocking,
                           QStringLiteral("run without the single-transaction option"));
    }
    return plan;
}

} // namespace tw::migrate
