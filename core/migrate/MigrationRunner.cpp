#include "MigrationRunner.h"

#include "ChecksumCache.h"
#include "MigrationControl.h"
#include "MigrationHistory.h"
#include "MigrationMaintenance.h"
#include "TransactionRules.h"
#include "db/Session.h"
#include "db/Transaction.h"

#include <QDir>
#include <QElapsedTimer>


namespace tw::migrate {

namespace {

HistoryRow::Type rowType(PlannedStep::Action action)
{
    switch (action) {
    case PlannedStep::Action::Undo:
    case PlannedStep::Action::ResumeUndo: return HistoryRow::Type::Undo;
    case PlannedStep::Action::Reapply: return HistoryRow::Type::Repeatable;
    default: return HistoryRow::Type::Versioned;
    }
}

// Runs the plan's steps, one transaction each (or one for all), or
// statement by statement with progress rows for the steps that cannot run
// in a transaction.
class StepRunner
{
public:
    StepRunner(db::Session &session, QString schema, MigrationLock &lock, const MigrationRequest &request,
               const MigrationEvents &events, MigrationControl *control, MigrationReport &report)
        : m_session(session), m_schema(std::move(schema)), m_lock(lock), m_request(request), m_events(events),
          m_control(control), m_report(report)
    {}

    void run(const MigrationPlan &plan)
    {
        m_steps = int(plan.steps.size());
        if (plan.singleTransaction)
            runAllInOne(plan);
        else
            for (int i = 0; i < m_steps && !m_report.failure; ++i)
                runStep(plan.steps.at(i), i + 1);
    }

private:
    bool cancelled() const { return m_control && m_control->isCancelled(); }

    void emitEvent(MigrationEvent event) const
    {
        if (m_events)
            m_events(event);
    }

    HistoryRow rowFor(const PlannedStep &step) const
    {
        HistoryRow row;
        row.version = step.script.version;
        row.description = step.script.description;
        row.type = rowType(step.action);
        row.script = step.script.fileName;
        row.checksum = step.script.checksum;
        row.sql = step.script.sql;
        row.statementsTotal = int(step.statements.size());
        row.installedBy = installerName(m_request);
        return row;
    }

    // The row of a step that ran whole inside a transaction, written in it.
    HistoryRow appliedRow(const PlannedStep &step, const StepOutcome &outcome, qint64 elapsedMs) const
    {
        HistoryRow row = rowFor(step);
        row.statementsApplied = outcome.statementsApplied;
        for (const ScriptStatement &statement : step.statements)
            row.statementHashes << statementHash(statement.text);
        row.executionMs = elapsedMs;
        return row;
    }

    StepOutcome outcomeFor(const PlannedStep &step) const
    {
        StepOutcome out;
        out.action = step.action;
        out.script = step.script.fileName;
        out.version = step.script.version ? step.script.version->text() : QString();
        out.description = step.script.description;
        out.transactional = step.transactional();
        out.statementsTotal = int(step.statements.size());
        return out;
    }

    // One statement on the native handle: QPSQL would report a multi-statement
    // string as a success, and QSQLITE refuses one.
    Status execute(const ScriptStatement &statement)
    {
        if (cancelled())
            return Error(ErrorCode::QueryCancelled, QStringLiteral("cancelled before this statement"));
        // Cancel requests go to the server only while a migration statement
        // runs, so they never hit the runner's own history writes.
        if (m_control)
            m_control->attach(&m_session.native());
        Status done = m_session.executeScript(statement.text);
        if (m_control)
            m_control->detach();
        if (!done.ok() && cancelled())
            return Error(ErrorCode::QueryCancelled, QStringLiteral("cancelled while it ran"));
        return done;
    }

    static QString failureText(const ScriptStatement &statement, const Error &error)
    {
        return QStringLiteral("statement %1 (line %2): %3").arg(statement.number).arg(statement.line).arg(error.message());
    }

    void fail(StepOutcome &outcome, const ScriptStatement *statement, const Error &error)
    {
        outcome.error = statement ? failureText(*statement, error) : error.message();
        Error failure(error.code(), QStringLiteral("%1 failed: %2").arg(outcome.script, outcome.error), error.details());
        failure.withDetail(QStringLiteral("file"), outcome.script);
        if (statement) {
            failure.withDetail(QStringLiteral("statement"), statement->number);
            failure.withDetail(QStringLiteral("line"), statement->line);
        }
        m_report.failure = failure;
        m_report.steps << outcome;
    }

    // A failed attempt that was rolled back leaves one row saying so,
    // written after the rollback: the database is as before, the history
    // tells what happened.
    // A cancel request sent while a statement ran may reach the server just
    // after it ended and hit the next statement, one of the runner's own: a
    // cancel is one-shot, so that statement is run once more.
    template<typename Fn>
    auto survivingLateCancel(Fn fn) -> decltype(fn())
    {
        auto result = fn();
        if (!result && cancelled() && result.error().details().value(QStringLiteral("sqlstate")).toString() == u"57014")
            result = fn();
        return result;
    }

    void recordRolledBack(const PlannedStep &step, const StepOutcome &outcome)
    {
        HistoryRow row = rowFor(step);
        row.status = HistoryRow::Status::FailedRolledBack;
        row.executionMs = outcome.executionMs;
        row.error = outcome.error;
        if (auto written = survivingLateCancel([&] { return insertHistoryRow(m_session, m_schema, row); }); !written)
            m_report.problems << QStringLiteral("could not record the failure of %1: %2")
                                     .arg(step.script.fileName, written.error().message());
    }

    // Runs the step's statements from `first`; false (with outcome.error) on failure.
    bool runStatements(const PlannedStep &step, int index, int first, StepOutcome &outcome,
                       const std::function<Status(int done)> &afterEach)
    {
        for (int i = first; i < step.statements.size(); ++i) {
            const ScriptStatement &statement = step.statements.at(i);
            if (Status done = execute(statement); !done.ok()) {
                outcome.statementsApplied = i;
                fail(outcome, &statement, done.error());
                return false;
            }
            if (afterEach) {
                if (Status recorded = afterEach(i + 1); !recorded.ok()) {
                    outcome.statementsApplied = i + 1;
                    fail(outcome, nullptr, recorded.error());
                    return false;
                }
            }
            emitEvent({MigrationEvent::Kind::StatementDone, index, m_steps, step.script.fileName, i + 1,
                       int(step.statements.size()), statement.line,
                       QStringLiteral("%1: statement %2 of %3 done").arg(step.script.fileName).arg(i + 1).arg(step.statements.size()),
                       {}});
        }
        outcome.statementsApplied = int(step.statements.size());
        return true;
    }

    void started(const PlannedStep &step, int index)
    {
        emitEvent({MigrationEvent::Kind::StepStarted, index, m_steps, step.script.fileName, 0, int(step.statements.size()), 0,
                   QStringLiteral("%1 %2 (%3)")
                       .arg(actionName(step.action), step.script.fileName,
                            step.transactional() ? QStringLiteral("in a transaction")
                                                 : QStringLiteral("without a transaction: ") + step.noTransactionReason),
                   {}});
    }

    void finished(const StepOutcome &outcome, int index)
    {
        emitEvent({MigrationEvent::Kind::StepFinished, index, m_steps, outcome.script, outcome.statementsApplied,
                   outcome.statementsTotal, 0,
                   outcome.ok ? QStringLiteral("%1 done in %2 ms").arg(outcome.script).arg(outcome.executionMs)
                              : QStringLiteral("%1 failed: %2").arg(outcome.script, outcome.error),
                   {}});
    }

    void runStep(const PlannedStep &step, int index)
    {
        started(step, index);
        if (step.transactional())
            runInTransaction(step, index);
        else
            runWithoutTransaction(step, index);
        if (!m_report.steps.isEmpty())
            finished(m_report.steps.constLast(), index);
    }

    void runInTransaction(const PlannedStep &step, int index)
    {
        StepOutcome outcome = outcomeFor(step);
        QElapsedTimer timer;
        timer.start();
        bool ok = false;
        {
            db::Transaction tx(m_session);
            if (!tx.begun().ok()) {
                fail(outcome, nullptr, tx.begun().error());
                return;
            }
            ok = runStatements(step, index, 0, outcome, {});
            // After the statements: one of them may have released the lock.
            if (ok) {
                if (Status held = m_lock.refresh(); !held.ok()) {
                    ok = false;
                    fail(outcome, nullptr, held.error());
                }
            }
            if (ok) {
                auto written = insertHistoryRow(m_session, m_schema, appliedRow(step, outcome, timer.elapsed()));
                Status committed = written ? tx.commit() : Status(written.error());
                if (!committed.ok()) {
                    ok = false;
                    fail(outcome, nullptr, committed.error());
                }
            }
        }
        outcome.executionMs = timer.elapsed();
        if (ok) {
            outcome.ok = true;
            m_report.steps << outcome;
            return;
        }
        // The transaction is rolled back here (its guard has gone): nothing of
        // the step is left, so none of it counts as applied.
        m_report.steps.last().executionMs = outcome.executionMs;
        m_report.steps.last().statementsApplied = 0;
        recordRolledBack(step, m_report.steps.constLast());
    }

    void runWithoutTransaction(const PlannedStep &step, int index)
    {
        StepOutcome outcome = outcomeFor(step);
        QElapsedTimer timer;
        timer.start();
        if (Status held = m_lock.refresh(); !held.ok()) {
            fail(outcome, nullptr, held.error());
            return;
        }
        HistoryRow row = rowFor(step);
        row.status = HistoryRow::Status::Partial;
        if (step.resumes()) {
            // The statements skipped must be the ones that ran; the failed
            // one and those after it may have been fixed since.
            for (int i = 0; i < step.resumeFrom; ++i) {
                const QString recorded = step.appliedHashes.value(i);
                if (i >= step.statements.size() || recorded != statementHash(step.statements.at(i).text)) {
                    const ScriptStatement *statement = i < step.statements.size() ? &step.statements.at(i) : nullptr;
                    fail(outcome, statement,
                         Error(ErrorCode::MigrationChecksumMismatch,
                               QStringLiteral("it already ran and has changed since; a resumed migration runs only the "
                                              "statements after those that ran")));
                    return;
                }
                row.statementHashes << recorded;
            }
            row.rank = step.partialRank;
            row.statementsApplied = step.resumeFrom;
            row.error.clear();
        } else {
            auto rank = insertHistoryRow(m_session, m_schema, row);
            if (!rank) {
                fail(outcome, nullptr, rank.error());
                return;
            }
            row.rank = rank.value();
        }
        const bool ok = runStatements(step, index, step.resumeFrom, outcome, [&](int done) -> Status {
            row.statementsApplied = done;
            row.statementHashes << statementHash(step.statements.at(done - 1).text);
            row.executionMs = timer.elapsed();
            if (done == step.statements.size())
                row.status = HistoryRow::Status::Applied;
            // Recorded first, so the row says what ran even when the lock turns out lost.
            if (Status recorded = updateHistoryRow(m_session, m_schema, row); !recorded.ok())
                return recorded;
            return m_lock.refresh();
        });
        outcome.executionMs = timer.elapsed();
        if (ok) {
            if (row.status != HistoryRow::Status::Applied) { // empty, or a resume with nothing left to run
                row.status = HistoryRow::Status::Applied;
                if (Status updated = updateHistoryRow(m_session, m_schema, row); !updated.ok()) {
                    fail(outcome, nullptr, updated.error());
                    return;
                }
            }
            outcome.ok = true;
            m_report.steps << outcome;
            return;
        }
        // Partial: `up` resumes from the failed statement.
        if (row.statementsApplied < step.statements.size()) {
            const QString cleanup = dropInvalidIndexLeftBy(m_session, step.statements.at(row.statementsApplied).text);
            if (!cleanup.isEmpty())
                m_report.steps.last().error += QStringLiteral(" (%1)").arg(cleanup);
        }
        row.error = m_report.steps.constLast().error;
        row.executionMs = outcome.executionMs;
        if (Status updated = survivingLateCancel([&] { return updateHistoryRow(m_session, m_schema, row); }); !updated.ok())
            m_report.problems << QStringLiteral("could not record where %1 stopped: %2")
                                     .arg(step.script.fileName, updated.error().message());
    }

    void runAllInOne(const MigrationPlan &plan)
    {
        db::Transaction tx(m_session);
        if (!tx.begun().ok()) {
            m_report.failure = tx.begun().error();
            return;
        }
        QList<StepOutcome> done;
        for (int i = 0; i < m_steps; ++i) {
            const PlannedStep &step = plan.steps.at(i);
            started(step, i + 1);
            StepOutcome outcome = outcomeFor(step);
            QElapsedTimer timer;
            timer.start();
            bool ok = runStatements(step, i + 1, 0, outcome, {});
            if (ok) {
                if (auto written = insertHistoryRow(m_session, m_schema, appliedRow(step, outcome, timer.elapsed())); !written) {
                    ok = false;
                    fail(outcome, nullptr, written.error());
                }
            }
            if (!ok) {
                // Everything before it goes too: report those as rolled back.
                const StepOutcome failed = m_report.steps.takeLast();
                if (Status rolledBack = tx.rollback(); !rolledBack.ok())
                    m_report.problems << QStringLiteral("rollback failed: %1").arg(rolledBack.error().message());
                for (StepOutcome &earlier : done) {
                    earlier.ok = false;
                    earlier.statementsApplied = 0;
                    earlier.error = QStringLiteral("rolled back with %1").arg(failed.script);
                }
                m_report.steps = done;
                m_report.steps << failed;
                m_report.steps.last().statementsApplied = 0;
                recordRolledBack(step, failed);
                finished(failed, i + 1);
                return;
            }
            outcome.ok = true;
            outcome.executionMs = timer.elapsed();
            done << outcome;
            finished(outcome, i + 1);
        }
        if (Status committed = tx.commit(); !committed.ok()) {
            m_report.failure = committed.error();
            for (StepOutcome &earlier : done)
                earlier.ok = false;
        }
        m_report.steps = done;
    }

    db::Session &m_session;
    const QString m_schema;
    MigrationLock &m_lock;
    const MigrationRequest &m_request;
    const MigrationEvents &m_events;
    MigrationControl *m_control;
    MigrationReport &m_report;
    int m_steps = 0;
};

} // namespace

int MigrationReport::pendingCount() const
{
    int n = 0;
    for (const MigrationStatusEntry &entry : status)
        n += entry.state == MigrationState::Pending || entry.state == MigrationState::Failed
             || entry.state == MigrationState::Partial || entry.state == MigrationState::OutOfOrder;
    return n;
}

Result<MigrationReport> runMigrationCommand(db::Session &session, const MigrationRequest &given,
                                            const MigrationEvents &events, MigrationControl *control)
{
    MigrationRequest request = given;
    MigrationReport report;
    report.command = request.command;
    report.connection = session.profile().name;
    report.driver = session.profile().driver;
    report.directory = request.directory.isEmpty() ? session.profile().migrationsDir : request.directory;
    if (report.directory.isEmpty())
        return Error(ErrorCode::ValidationFailed,
                     QStringLiteral("connection '%1' has no migrations directory").arg(report.connection), {},
                     QStringLiteral("set `migrations:` for it in the config file, or pass --dir"));
    if (!QDir(report.directory).exists())
        return Error(ErrorCode::NotFound, QStringLiteral("the migrations directory %1 does not exist").arg(report.directory));
    // Status needs only checksums: an unchanged file's come from the cache.
    const auto loadFiles = [&] {
        return request.prefetched.valid() && request.prefetchedDirectory == report.directory
                   ? request.prefetched.get()
                   : readMigrationDirectory(report.directory, request.command == MigrationCommand::Status
                                                                  ? ChecksumCache::fileFor(report.directory)
                                                                  : QString());
    };
    const config::Driver driver = session.profile().driver;

    const bool writes = request.command == MigrationCommand::Up || request.command == MigrationCommand::Down
                        || request.command == MigrationCommand::Baseline || request.command == MigrationCommand::Repair;
    if (!writes) {
        // The history first: files still being read in the background
        // (prefetched) finish meanwhile.
        auto place = locateHistory(session);
        if (!place)
            return place.error();
        const bool textNeeded = request.appliedText || request.command == MigrationCommand::DryRun;
        auto history = readHistory(session, place.value(), textNeeded ? HistoryText::Included : HistoryText::Left);
        if (!history)
            return history.error();
        auto files = loadFiles();
        if (!files)
            return files.error();
        report.ignoredFiles = files.value().ignored;
        // Status needs the rows no more: they move into the entries.
        report.status = request.command == MigrationCommand::Status ? migrationStatus(files.value(), std::move(history.value()))
                                                                    : migrationStatus(files.value(), history.value());
        if (request.command == MigrationCommand::Validate)
            report.problems = validationProblems(files.value(), history.value(), driver);
        if (request.command == MigrationCommand::DryRun) {
            auto plan = planMigration(files.value(), history.value(), driver, request.plan);
            if (!plan)
                return plan.error();
            report.plan = plan.value();
        }
        return report;
    }

    auto files = loadFiles();
    if (!files)
        return files.error();
    report.ignoredFiles = files.value().ignored;

    // Who installs is looked up once (getpwuid may ask a directory server,
    // and only a command that writes history needs it), not per migration.
    request.installedBy = installerName(given);

    // The migration's own statements may leave session state behind (SET,
    // prepared statements dropped, the runner's own settings): the
    // connection is closed after the run instead of going back to the pool.
    session.retireConnectionAfterJob();

    LockOptions lockOptions;
    lockOptions.timeoutMs = request.lockTimeoutMs;
    lockOptions.cancelled = [control] { return control && control->isCancelled(); };
    lockOptions.waiting = [&](const LockHolder &holder) {
        if (events)
            events({MigrationEvent::Kind::Waiting, 0, 0, {}, 0, 0, 0,
                    QStringLiteral("waiting for the migration lock held by %1").arg(holder.describe()), holder});
    };
    if (driver == config::Driver::Postgres) {
        // A runner killed during a long statement must not keep its lock
        // until the statement ends (PostgreSQL 14+; older servers ignore it).
        (void)session.execute(QStringLiteral("SET client_connection_check_interval = 1000"));
    }
    auto lock = MigrationLock::acquire(session, lockOptions);
    if (!lock)
        return lock.error();
    if (events)
        events({MigrationEvent::Kind::Locked, 0, 0, {}, 0, 0, 0, QStringLiteral("migration lock taken"), {}});

    auto schema = historySchema(session);
    if (!schema)
        return schema.error();
    if (Status created = ensureHistoryTable(session, schema.value()); !created.ok())
        return created.error();
    auto history = readHistory(session, schema.value());
    if (!history)
        return history.error();

    switch (request.command) {
    case MigrationCommand::Up:
    case MigrationCommand::Down: {
        PlanOptions options = request.plan;
        options.down = request.command == MigrationCommand::Down;
        auto plan = planMigration(files.value(), history.value(), driver, options);
        if (!plan)
            return plan.error();
        report.plan = plan.value();
        StepRunner(session, schema.value(), *lock.value(), request, events, control, report).run(report.plan);
        break;
    }
    case MigrationCommand::Baseline:
        if (Status done = recordBaseline(session, schema.value(), request, history.value()); !done.ok())
            return done.error();
        break;
    case MigrationCommand::Repair: {
        auto changes = repairHistory(session, schema.value(), request, files.value(), history.value());
        if (!changes)
            return changes.error();
        report.problems = changes.value();
        break;
    }
    default:
        break;
    }
    auto after = readHistory(session, schema.value());
    if (!after && control && control->isCancelled() && after.error().details().value(QStringLiteral("sqlstate")).toString() == u"57014")
        after = readHistory(session, schema.value()); // a late cancel request (see StepRunner::survivingLateCancel)
    if (!after)
        return after.error();
    report.status = migrationStatus(files.value(), after.value());
    if (Status released = lock.value()->release(); !released.ok())
        report.problems << QStringLiteral("releasing the migration lock failed: %1").arg(released.error().message());
    return report;
}

} // namespace tw::migrate
