#include "MigrateOutput.h"

#include "CliOutput.h"
#include "migrate/MigrationHistory.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace tw::app {

namespace {

QString when(const std::optional<migrate::HistoryRow> &row)
{
    if (!row || !row->installedOn.isValid())
        return {};
    // The C library's zone, read once (localtime_r, unlike localtime and Qt's
    // toLocalTime, does not look at /etc/localtime again on every call; a
    // thousand rows took 0.7 ms through QDateTime).
    const time_t seconds = time_t(std::floor(row->installedOn.toMSecsSinceEpoch() / 1000.0));
    struct tm local = {};
    if (!::localtime_r(&seconds, &local))
        return row->installedOn.toString(Qt::ISODate);
    char text[48];
    // Four digits for any year, as QDateTime wrote them (strftime's %Y does not pad).
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                  local.tm_hour, local.tm_min, local.tm_sec);
    return QString::fromLatin1(text);
}

// `text` padded with spaces to `width` characters, appended to `line`.
void appendPadded(QString &line, QStringView text, int width)
{
    const qsizetype start = line.size();
    line += text;
    if (text.size() < width)
        line.resize(start + width, u' '); // in place: a padding string per column was 4,000 allocations
}

void printStatus(const migrate::MigrationReport &report)
{
    out() << report.connection << " (" << config::driverName(report.driver) << "), migrations in " << report.directory
          << '\n';
    if (report.status.isEmpty()) {
        out() << "  no migration files and no history" << '\n';
        return;
    }
    // dbmate's versions are 14-digit timestamps: the column fits the longest.
    int versionWidth = 9;
    for (const migrate::MigrationStatusEntry &entry : report.status)
        if (entry.version)
            versionWidth = std::max(versionWidth, int(entry.version->text().size()) + 1);
    out() << "  " << QStringLiteral("VERSION").leftJustified(versionWidth) << QStringLiteral("STATE").leftJustified(17)
          << QStringLiteral("FILE").leftJustified(40) << QStringLiteral("APPLIED").leftJustified(21) << "MS" << '\n';
    // One line at a time into one string, written once: a thousand
    // migrations are a thousand lines.
    QString lines;
    lines.reserve(report.status.size() * (versionWidth + 100));
    for (const migrate::MigrationStatusEntry &entry : report.status) {
        const bool applied = entry.last && entry.last->status == migrate::HistoryRow::Status::Applied;
        lines += u"  ";
        appendPadded(lines, entry.kind == migrate::MigrationKind::Repeatable ? QStringLiteral("R") : entry.version->text(),
                     versionWidth);
        appendPadded(lines, migrate::stateName(entry.state), 17);
        appendPadded(lines, entry.fileName.isEmpty() ? u'(' + entry.last->script + u')' : entry.fileName, 40);
        appendPadded(lines, applied ? when(entry.last) : QString(), 21);
        if (applied)
            lines += QString::number(entry.last->executionMs);
        lines += u'\n';
        if (entry.last && !entry.last->error.isEmpty() && entry.state != migrate::MigrationState::Applied) {
            lines += QString(versionWidth + 2, u' ') + QStringLiteral("last error: ") + entry.last->error + u'\n';
        }
    }
    out() << lines;
    const int pending = report.pendingCount();
    out() << (pending == 0 ? QStringLiteral("up to date") : QStringLiteral("%1 pending").arg(pending)) << '\n';
}

void printPlan(const migrate::MigrationPlan &plan)
{
    out() << "-- lock: " << plan.lockPlan << '\n';
    if (plan.steps.isEmpty()) {
        out() << "-- nothing to run" << '\n';
        return;
    }
    if (plan.singleTransaction)
        out() << "BEGIN;" << '\n';
    for (const migrate::PlannedStep &step : plan.steps) {
        out() << "\n-- " << migrate::actionName(step.action) << ' ' << step.script.fileName;
        if (step.resumes())
            out() << " from statement " << step.resumeFrom + 1;
        out() << '\n';
        if (!step.transactional())
            out() << "-- without a transaction (" << step.noTransactionReason
                  << "): progress is recorded after each statement" << '\n';
        else if (!plan.singleTransaction)
            out() << "BEGIN;" << '\n';
        for (qsizetype i = step.resumeFrom; i < step.statements.size(); ++i)
            out() << step.statements.at(i).text.trimmed() << ';' << '\n';
        out() << "-- record " << step.script.fileName << " in " << migrate::kHistoryTable << '\n';
        if (step.transactional() && !plan.singleTransaction)
            out() << "COMMIT;" << '\n';
    }
    if (plan.singleTransaction)
        out() << "COMMIT;" << '\n';
}

} // namespace

void printMigrationError(const Error &error)
{
    err() << "tablewright migrate: " << error.message() << Qt::endl;
    if (!error.hint().isEmpty())
        err() << "  " << error.hint() << Qt::endl;
}

void printMigrationEvent(const migrate::MigrationEvent &event)
{
    using Kind = migrate::MigrationEvent::Kind;
    if (event.kind == Kind::StatementDone)
        return; // the step lines say enough on a terminal
    err() << (event.steps > 0 && event.kind == Kind::StepStarted ? QStringLiteral("[%1/%2] ").arg(event.step).arg(event.steps)
                                                                 : QString())
          << event.message << Qt::endl;
}

void printMigrationReport(const migrate::MigrationReport &report)
{
    // One write at the end, not one per line: status lists thousands.
    struct Flush
    {
        ~Flush() { out().flush(); }
    } flush;
    for (const QString &file : report.ignoredFiles)
        err() << "note: ignored " << file << " (not V<version>__name.sql, U…, R__…, dbmate or golang-migrate)" << Qt::endl;
    switch (report.command) {
    case migrate::MigrationCommand::DryRun:
        printPlan(report.plan);
        return;
    case migrate::MigrationCommand::Validate:
        if (report.problems.isEmpty())
            out() << "valid: the history and the files agree" << '\n';
        for (const QString &problem : report.problems)
            out() << "problem: " << problem << '\n';
        return;
    case migrate::MigrationCommand::Repair:
        for (const QString &change : report.problems)
            out() << "repair: " << change << '\n';
        if (report.problems.isEmpty())
            out() << "nothing to repair" << '\n';
        return;
    case migrate::MigrationCommand::Baseline:
        out() << "baseline recorded" << '\n';
        printStatus(report);
        return;
    case migrate::MigrationCommand::Up:
    case migrate::MigrationCommand::Down: {
        int ok = 0;
        qint64 ms = 0;
        for (const migrate::StepOutcome &step : report.steps) {
            ok += step.ok;
            ms += step.executionMs;
        }
        if (report.steps.isEmpty())
            out() << "nothing to do: up to date" << '\n';
        else
            out() << (report.command == migrate::MigrationCommand::Up ? "applied " : "undid ") << ok << " of "
                  << report.plan.steps.size() << " migration(s) in " << ms << " ms" << '\n';
        for (const QString &problem : report.problems)
            err() << "warning: " << problem << Qt::endl;
        if (report.failure) {
            const migrate::StepOutcome &failed = report.steps.constLast();
            err() << "FAILED: " << failed.script << ": " << failed.error << Qt::endl;
            if (failed.transactional)
                err() << "  rolled back: the database and the applied history are as they were before " << failed.script
                      << "; the migrations after it did not run. Fix it and run `migrate up` again." << Qt::endl;
            else
                err() << "  " << failed.script << " ran without a transaction and stopped after statement "
                      << failed.statementsApplied << " of " << failed.statementsTotal
                      << " (recorded as partial). Fix the failing statement and run `migrate "
                      << (report.command == migrate::MigrationCommand::Down ? "down" : "up") << "`: it resumes there."
                      << Qt::endl;
        }
        return;
    }
    case migrate::MigrationCommand::Status:
        printStatus(report);
        return;
    }
}

void printEnsureOutcomes(const QList<migrate::EnsureOutcome> &outcomes)
{
    struct Flush
    {
        ~Flush() { out().flush(); }
    } flush;
    for (const migrate::EnsureOutcome &o : outcomes) {
        switch (o.action) {
        case migrate::EnsureOutcome::Action::Created: out() << "created  " << o.table << '\n'; break;
        case migrate::EnsureOutcome::Action::Skipped: out() << "skipped  " << o.table << " (exists, left untouched)" << '\n'; break;
        case migrate::EnsureOutcome::Action::Failed: out() << "FAILED   " << o.table << ": " << o.error << '\n'; break;
        }
    }
    if (outcomes.isEmpty())
        out() << "no tables declared for this connection" << '\n';
}

} // namespace tw::app
