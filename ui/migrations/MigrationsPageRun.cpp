// The commands of the migrations tab: a dry-run and a confirmation before
// up/down, a confirmation before repair/baseline, then one run through
// migrate::startMigration whose events reach the run view on the GUI thread.
#include "MigrationsPage.h"

#include "ErrorText.h"
#include "MigrationConfirmDialog.h"
#include "MigrationRunView.h"
#include "MigrationStatusModel.h"

#include <QMutex>
#include <QTableView>

namespace tw::ui {

using migrate::MigrationCommand;
using migrate::MigrationReport;

// The runner calls its events on the worker thread. The page may be gone by
// then, so the callback reaches it only through this sink, which the page
// clears under the mutex when it is destroyed; a posted event whose page was
// deleted is discarded by Qt.
struct MigrationsPage::EventSink
{
    QMutex mutex;
    MigrationsPage *page = nullptr;
    quint64 run = 0;   // events of an older run are dropped
};

MigrationsPage::~MigrationsPage()
{
    if (m_sink) {
        QMutexLocker lock(&m_sink->mutex);
        m_sink->page = nullptr;
    }
    // The run goes on in the pool without a window; stop it between statements.
    if (m_run)
        m_run->control->cancel();
}

migrate::MigrationRequest MigrationsPage::request(MigrationCommand command) const
{
    migrate::MigrationRequest request;
    request.command = command;
    request.plan.outOfOrder = m_outOfOrder->isChecked();
    request.plan.singleTransaction = m_singleTransaction->isChecked();
    // installedBy stays empty: the runner records the OS user.
    return request;
}

bool MigrationsPage::confirm(MigrationConfirmDialog &dialog)
{
    if (m_confirm)
        return m_confirm(dialog);
    return dialog.exec() == QDialog::Accepted;
}

void MigrationsPage::setBusy(bool running)
{
    m_running = running;
    updateActions();
}

void MigrationsPage::upToSelected()
{
    const auto *entry = m_model->entry(m_view->currentIndex().row());
    if (entry && entry->version)
        planThenRun(MigrationCommand::Up, entry->version);
}

void MigrationsPage::upAll()
{
    planThenRun(MigrationCommand::Up, std::nullopt);
}

void MigrationsPage::downToSelected()
{
    const auto *entry = m_model->entry(m_view->currentIndex().row());
    if (entry && entry->version)
        planThenRun(MigrationCommand::Down, entry->version);
}

void MigrationsPage::validate()
{
    execute(request(MigrationCommand::Validate), tr("Validating %1…").arg(m_connection));
}

void MigrationsPage::repair()
{
    MigrationConfirmDialog dialog(this);
    dialog.showAction(tr("Repair Migration History"),
                      tr("Repair rewrites the history of %1: applied files whose checksum changed get their current "
                         "checksum, the rows of failed (rolled back) attempts are removed, partial migrations stay for "
                         "Up to resume. Nothing in the schema changes; the repair is recorded as its own history row.")
                          .arg(m_connection),
                      tr("Repair"));
    if (!confirm(dialog))
        return;
    execute(request(MigrationCommand::Repair), tr("Repairing the history of %1…").arg(m_connection));
}

void MigrationsPage::baseline()
{
    const auto *entry = m_model->entry(m_view->currentIndex().row());
    MigrationConfirmDialog dialog(this);
    dialog.showAction(tr("Baseline"),
                      tr("Baseline records that %1 already has the schema of the given version, without running any "
                         "file: versions up to it are never run here. Only for a database that has no migration "
                         "applied yet.")
                          .arg(m_connection),
                      tr("Record Baseline"));
    dialog.askVersion(tr("Version:"), entry && entry->version ? entry->version->text() : QString());
    if (!confirm(dialog))
        return;
    const auto version = migrate::MigrationVersion::parse(dialog.version());
    if (!version) {
        m_runView->log(tr("Baseline: \"%1\" is not a version (use numbers like 3 or 1.2).").arg(dialog.version()));
        return;
    }
    auto r = request(MigrationCommand::Baseline);
    r.plan.target = version;
    execute(r, tr("Recording a baseline at version %1…").arg(version->text()));
}

void MigrationsPage::planThenRun(MigrationCommand command, std::optional<migrate::MigrationVersion> target)
{
    if (m_running || m_connection.isEmpty())
        return;
    auto dry = request(MigrationCommand::DryRun);
    dry.plan.target = target;
    dry.plan.down = command == MigrationCommand::Down;
    setBusy(true);
    m_runView->start(tr("Planning %1…").arg(migrate::commandName(command)), false);
    const quint64 generation = m_generation;
    auto run = migrate::startMigration(*m_registry, m_connection, dry);
    whenDone(run.job.future, [this, command, dry, generation](const Result<MigrationReport> &planned) {
        setBusy(false);
        if (generation != m_generation)
            return;
        if (!planned) {
            m_runView->finish(tr("Cannot %1: %2").arg(migrate::commandName(command), planned.error().message()), false);
            if (!planned.error().hint().isEmpty())
                m_runView->log(planned.error().hint());
            emit failed(m_connection, planned.error());
            return;
        }
        const migrate::MigrationPlan &plan = planned.value().plan;
        if (plan.steps.isEmpty()) {
            m_runView->finish(command == MigrationCommand::Down ? tr("Nothing to undo.") : tr("Nothing to apply."), true);
            return;
        }
        MigrationConfirmDialog dialog(this);
        dialog.showPlan(command, m_connection, plan);
        if (!confirm(dialog)) {
            m_runView->finish(tr("Cancelled before anything ran."), false);
            return;
        }
        auto real = dry;
        real.command = command;
        execute(real, command == MigrationCommand::Down ? tr("Undoing %n migration(s)…", nullptr, int(plan.steps.size()))
                                                         : tr("Applying %n migration(s)…", nullptr, int(plan.steps.size())));
    });
}

void MigrationsPage::execute(migrate::MigrationRequest request, const QString &title)
{
    if (m_running || m_connection.isEmpty())
        return;
    if (!m_sink) {
        m_sink = std::make_shared<EventSink>();
        m_sink->page = this;
    }
    quint64 runId = 0;
    {
        QMutexLocker lock(&m_sink->mutex);
        runId = ++m_sink->run;
    }
    setBusy(true);
    const bool writes = request.command != MigrationCommand::Validate;
    m_runView->start(title, writes);
    migrate::MigrationEvents events = [sink = m_sink, runId](const migrate::MigrationEvent &event) {
        QMutexLocker lock(&sink->mutex);
        if (!sink->page || sink->run != runId)
            return;
        MigrationsPage *page = sink->page;
        QMetaObject::invokeMethod(page, [page, event] { page->m_runView->onEvent(event); }, Qt::QueuedConnection);
    };
    const MigrationCommand command = request.command;
    m_run = migrate::startMigration(*m_registry, m_connection, std::move(request), std::move(events));
    whenDone(m_run->job.future, [this, command](const Result<MigrationReport> &result) { finishRun(command, result); });
}

void MigrationsPage::cancelRun()
{
    if (m_run)
        m_run->control->cancel();
}

void MigrationsPage::finishRun(MigrationCommand command, const Result<MigrationReport> &result)
{
    m_run.reset();
    setBusy(false);
    if (!result) {
        m_runView->log(ErrorText::plain(result.error()));
        m_runView->finish(tr("%1 failed: %2").arg(migrate::commandName(command), userText(result.error())), false);
        emit failed(m_connection, result.error());
        emit runFinished(m_connection, false);
        refresh();   // a run that failed before the lock still may have changed nothing: re-read to be sure
        return;
    }
    const MigrationReport &report = result.value();
    for (const migrate::StepOutcome &step : report.steps) {
        const QString what = QStringLiteral("%1 %2").arg(migrate::actionName(step.action), step.script);
        if (step.ok)
            m_runView->log(tr("✓ %1 — %n statement(s), %2", nullptr, step.statementsApplied)
                               .arg(what, MigrationStatusModel::durationText(step.executionMs)));
        else
            m_runView->log(tr("✗ %1 — %2").arg(what, step.error));
    }
    for (const QString &problem : report.problems)
        m_runView->log(QStringLiteral("• ") + problem);

    bool ok = !report.failure;
    QString summary;
    switch (command) {
    case MigrationCommand::Up:
    case MigrationCommand::Down: {
        int done = 0;
        for (const migrate::StepOutcome &step : report.steps)
            done += step.ok;
        if (report.failure)
            summary = tr("Stopped after %n migration(s): %1", nullptr, done).arg(report.failure->message());
        else
            summary = command == MigrationCommand::Up ? tr("Applied %n migration(s).", nullptr, done)
                                                      : tr("Undid %n migration(s).", nullptr, done);
        break;
    }
    case MigrationCommand::Validate:
        ok = report.problems.isEmpty();
        summary = ok ? tr("Valid: the files match the history.")
                     : tr("%n problem(s) found.", nullptr, int(report.problems.size()));
        break;
    case MigrationCommand::Repair: summary = tr("History repaired."); break;
    case MigrationCommand::Baseline: summary = tr("Baseline recorded."); break;
    default: summary = tr("Done."); break;
    }
    m_runView->finish(summary, ok);
    // The report carries the status after the command: no second round trip.
    ++m_generation;
    showStatus(report);
    emit runFinished(m_connection, ok);
}

} // namespace tw::ui
