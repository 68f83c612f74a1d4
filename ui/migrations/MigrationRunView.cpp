#include "MigrationRunView.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTime>
#include <QVBoxLayout>

namespace tw::ui {

using Kind = migrate::MigrationEvent::Kind;

namespace {
constexpr int kStepScale = 1000;   // progress units per step: statements fill a step's share
}

MigrationRunView::MigrationRunView(QWidget *parent)
    : QWidget(parent)
    , m_step(new QLabel(this))
    , m_lock(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_log(new QPlainTextEdit(this))
{
    m_step->setObjectName(QStringLiteral("runStep"));
    m_lock->setObjectName(QStringLiteral("runLock"));
    m_lock->setWordWrap(true);
    m_lock->setStyleSheet(QStringLiteral("color: #8d6e00;"));
    m_lock->setVisible(false);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);   // "0%" before anything ran says nothing
    m_cancel->setObjectName(QStringLiteral("runCancel"));
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop between statements, and cancel the statement running now"));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        log(tr("Cancelling…"));
        emit cancelRequested();
    });
    m_log->setObjectName(QStringLiteral("runLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("The log of migration runs appears here."));

    auto *row = new QHBoxLayout;
    row->addWidget(m_step);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_lock);
    layout->addWidget(m_log, 1);
}

void MigrationRunView::start(const QString &title, bool cancellable)
{
    m_running = true;
    m_step->setText(title);
    m_lock->clear();
    m_lock->setVisible(false);
    m_progress->setRange(0, 0);   // busy until the first step says how many there are
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_cancel->setEnabled(cancellable);
    log(title);
}

void MigrationRunView::onEvent(const migrate::MigrationEvent &event)
{
    switch (event.kind) {
    case Kind::Waiting:
        m_lock->setText(tr("Waiting for the migration lock, held by %1").arg(event.holder.describe()));
        m_lock->setVisible(true);
        break;
    case Kind::Locked:
        m_lock->setVisible(false);
        break;
    case Kind::StepStarted:
    case Kind::StatementDone:
    case Kind::StepFinished: {
        if (event.steps <= 0)
            break;
        m_progress->setRange(0, event.steps * kStepScale);
        int within = 0;
        if (event.kind == Kind::StepFinished)
            within = kStepScale;
        else if (event.kind == Kind::StatementDone && event.statements > 0)
            within = event.statement * kStepScale / event.statements;
        m_progress->setValue((event.step - 1) * kStepScale + within);
        m_progress->setFormat(event.statements > 0 && event.kind != Kind::StepFinished
                                  ? tr("step %1 of %2 — statement %3 of %4")
                                        .arg(event.step).arg(event.steps).arg(event.statement).arg(event.statements)
                                  : tr("step %1 of %2").arg(event.step).arg(event.steps));
        if (!event.script.isEmpty())
            m_step->setText(event.script);
        break;
    }
    }
    // Every statement in the log would drown it on a thousand-file run; the
    // steps and the waits are what an admin reads back.
    if (event.kind != Kind::StatementDone && !event.message.isEmpty())
        log(event.message);
}

void MigrationRunView::finish(const QString &summary, bool ok)
{
    m_running = false;
    m_cancel->setEnabled(false);
    m_lock->setVisible(false);
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    if (ok)
        m_progress->setValue(m_progress->maximum());
    m_progress->setFormat(ok ? tr("done") : tr("stopped"));
    m_step->setText(summary.section(u'\n', 0, 0));   // the whole text is in the log
    log(summary);
}

void MigrationRunView::log(const QString &line)
{
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), line));
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

void MigrationRunView::clearLog()
{
    m_log->clear();
}

QString MigrationRunView::logText() const
{
    return m_log->toPlainText();
}

QString MigrationRunView::lockText() const
{
    return m_lock->isVisible() ? m_lock->text() : QString();
}

QString MigrationRunView::stepText() const
{
    return m_step->text();
}

} // namespace tw::ui
