#include "MigrationsPage.h"

#include "ErrorText.h"
#include "MigrationRunView.h"
#include "MigrationStateStyle.h"
#include "MigrationStatusModel.h"
#include "db/ConnectionRegistry.h"
#include "schema/SqlHighlighter.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace tw::ui {

using migrate::MigrationKind;
using migrate::MigrationState;
using migrate::MigrationStatusEntry;

MigrationsPage::MigrationsPage(db::ConnectionRegistry *registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_model(new MigrationStatusModel(this))
    , m_view(new QTableView(this))
    , m_info(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_sql(new QPlainTextEdit(this))
    , m_changes(new QTextBrowser(this))
    , m_runView(new MigrationRunView(this))
{
    setObjectName(QStringLiteral("migrationsPage"));
    m_title->setObjectName(QStringLiteral("migrationsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_message->setObjectName(QStringLiteral("migrationsMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMargin(24);

    m_view->setObjectName(QStringLiteral("migrationsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // Every column as wide as its contents, the last one taking the rest: a
    // stretched description collapses to "…" as soon as the pane is narrow.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showSelected();
        updateActions();
    });

    m_info->setObjectName(QStringLiteral("migrationInfo"));
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::RichText);
    m_sql->setObjectName(QStringLiteral("migrationSql"));
    m_sql->setReadOnly(true);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new SqlHighlighter(m_sql->document());
    m_changes->setObjectName(QStringLiteral("migrationChanges"));
    m_tabs->setObjectName(QStringLiteral("migrationTabs"));
    m_tabs->addTab(m_sql, tr("SQL"));
    m_tabs->addTab(m_changes, tr("Changes"));
    m_tabs->setTabEnabled(1, false);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_info);
    detailsLayout->addWidget(m_tabs, 1);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_view);
    upper->addWidget(details);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);
    upper->setSizes({640, 400});
    auto *content = new QSplitter(Qt::Vertical, this);
    content->addWidget(upper);
    content->addWidget(m_runView);
    content->setStretchFactor(0, 3);
    content->setStretchFactor(1, 1);
    content->setSizes({480, 160});

    m_stack->addWidget(m_message);
    m_stack->addWidget(content);
    connect(m_runView, &MigrationRunView::cancelRequested, this, &MigrationsPage::cancelRun);

    buildActions();
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title);
    bar->addStretch(1);
    for (QWidget *button : std::initializer_list<QWidget *>{m_refresh, m_upTo, m_up, m_downTo, m_validate, m_repair,
                                                            m_baseline, m_options})
        bar->addWidget(button);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    showMessage(tr("Open a connection to see its migrations."));
    updateActions();
}

void MigrationsPage::buildActions()
{
    auto button = [this](const QString &name, const QString &text, const QString &tip, void (MigrationsPage::*slot)()) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    m_refresh = button(QStringLiteral("migrationsRefresh"), tr("Refresh"), tr("Read the files and the history again"),
                       &MigrationsPage::refresh);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_upTo = button(QStringLiteral("migrationsUpTo"), tr("Up to Selected"),
                    tr("Apply the pending migrations up to and including the selected version"),
                    &MigrationsPage::upToSelected);
    m_up = button(QStringLiteral("migrationsUp"), tr("Up"), tr("Apply every pending migration"), &MigrationsPage::upAll);
    m_up->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_downTo = button(QStringLiteral("migrationsDownTo"), tr("Down to Selected"),
                      tr("Undo the applied migrations above the selected version, newest first, with their undo files"),
                      &MigrationsPage::downToSelected);
    m_downTo->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_validate = button(QStringLiteral("migrationsValidate"), tr("Validate"),
                        tr("Check the files against the history: changed checksums, missing files, versions out of order"),
                        &MigrationsPage::validate);
    m_repair = button(QStringLiteral("migrationsRepair"), tr("Repair…"),
                      tr("Accept changed checksums and clear the rows of failed attempts"), &MigrationsPage::repair);
    m_baseline = button(QStringLiteral("migrationsBaseline"), tr("Baseline…"),
                        tr("Mark an existing database as being at a version, without running anything"),
                        &MigrationsPage::baseline);

    m_options = new QToolButton(this);
    m_options->setObjectName(QStringLiteral("migrationsOptions"));
    m_options->setText(tr("Options"));
    m_options->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_options);
    m_outOfOrder = menu->addAction(tr("Allow Out-of-Order Versions"));
    m_outOfOrder->setCheckable(true);
    m_outOfOrder->setToolTip(tr("Up also applies pending versions below the highest applied one"));
    m_singleTransaction = menu->addAction(tr("All Steps in One Transaction"));
    m_singleTransaction->setCheckable(true);
    m_options->setMenu(menu);
    connect(m_outOfOrder, &QAction::toggled, this, &MigrationsPage::updateActions);
}

void MigrationsPage::setOutOfOrder(bool allowed)
{
    m_outOfOrder->setChecked(allowed);
}

void MigrationsPage::setSingleTransaction(bool single)
{
    m_singleTransaction->setChecked(single);
}

void MigrationsPage::setConnection(const QString &connection)
{
    if (connection == m_connection && !m_stale)
        return;
    m_connection = connection;
    ++m_generation;
    m_model->setEntries({});
    m_details.clear();
    m_lastReport.reset();
    m_title->setText(tr("Migrations — %1").arg(connection));
    m_stale = true;
    if (isVisible())
        refresh();
}

void MigrationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_connection.isEmpty())
        refresh();
}

bool MigrationsPage::isEmptyState() const
{
    return m_noDirectory && m_stack->currentWidget() == m_message;
}

QString MigrationsPage::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void MigrationsPage::showMessage(const QString &html)
{
    m_message->setText(html);
    m_stack->setCurrentWidget(m_message);
}

void MigrationsPage::refresh()
{
    if (m_connection.isEmpty() || m_running)
        return;
    m_stale = false;
    const auto pool = m_registry->pool(m_connection);
    if (!pool) {
        showMessage(tr("The connection %1 is not open.").arg(m_connection.toHtmlEscaped()));
        return;
    }
    m_driver = pool->profile().driver;
    m_noDirectory = pool->profile().migrationsDir.isEmpty();
    if (m_noDirectory) {
        showMessage(tr("<h3>No migrations directory</h3>"
                       "<p>The connection <b>%1</b> has no <code>migrations:</code> entry in the configuration "
                       "file. Add one, pointing to the folder that holds the migration files (relative to the "
                       "configuration file), then open the connection again:</p>"
                       "<pre>connections:\n  - name: %1\n    …\n    migrations: ./migrations</pre>"
                       "<p>Files are named <code>V1__create_people.sql</code> (apply), "
                       "<code>U1__create_people.sql</code> (undo) and <code>R__views.sql</code> (repeatable); "
                       "dbmate and golang-migrate folders are read as they are. "
                       "<code>tablewright migrate new NAME --connection %1</code> creates the next file.</p>")
                        .arg(m_connection.toHtmlEscaped()));
        updateActions();
        return;
    }
    m_loading = true;
    updateActions();
    const quint64 generation = ++m_generation;
    auto run = migrate::startMigration(*m_registry, m_connection, request(migrate::MigrationCommand::Status));
    whenDone(run.job.future, [this, generation](const Result<migrate::MigrationReport> &report) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!report) {
            showMessage(ErrorText::html(report.error()));
            updateActions();
            emit failed(m_connection, report.error());
            return;
        }
        showStatus(report.value());
        emit statusLoaded(m_connection);
    });
}

void MigrationsPage::showStatus(const migrate::MigrationReport &report)
{
    const QString selected = m_model->keyOf(m_view->currentIndex().row());
    m_lastReport = report;
    m_model->setEntries(report.status);
    m_stack->setCurrentIndex(1);
    int row = m_model->rowOfKey(selected);
    if (row < 0) {
        // First load: the first file that needs attention, else the last one.
        for (int r = 0; r < m_model->rowCount() && row < 0; ++r)
            if (m_model->entry(r)->state != MigrationState::Applied && m_model->entry(r)->state != MigrationState::BelowBaseline)
                row = r;
        if (row < 0)
            row = m_model->rowCount() - 1;
    }
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    const int pending = report.pendingCount();
    emit statusMessage(tr("%1: %n migration(s) pending", nullptr, pending).arg(m_connection));
    loadDetails(report);
    showSelected();
    updateActions();
}

void MigrationsPage::loadDetails(const migrate::MigrationReport &report)
{
    const quint64 generation = m_generation;
    whenDone(MigrationFileDetailsLoader::load(report.directory, report.status, report.driver),
             [this, generation](const MigrationFileDetailsMap &details) {
                 if (generation != m_generation)
                     return;
                 m_details = details;
                 showSelected();
             });
}

const MigrationStatusEntry *MigrationsPage::selectedEntry() const
{
    return m_model->entry(m_view->currentIndex().row());
}

bool MigrationsPage::selectVersion(const QString &version)
{
    const int row = m_model->rowOfVersion(version);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    return row >= 0;
}

void MigrationsPage::showSelected()
{
    const MigrationStatusEntry *entry = selectedEntry();
    if (!entry) {
        m_info->clear();
        m_sql->clear();
        m_changes->clear();
        m_tabs->setTabEnabled(1, false);
        return;
    }
    const QColor colour = MigrationStateStyle::color(entry->state);
    QString info = QStringLiteral("<b style=\"color:%1\">%2</b> — %3")
                       .arg(colour.darker(120).name(), MigrationStateStyle::label(entry->state).toHtmlEscaped(),
                            MigrationStateStyle::explanation(entry->state).toHtmlEscaped());
    if (entry->last && !entry->last->error.isEmpty())
        info += QStringLiteral("<br><span style=\"color:#c62828\">%1</span>").arg(entry->last->error.toHtmlEscaped());
    if (entry->kind == MigrationKind::Versioned && !entry->hasUndo)
        info += QStringLiteral("<br><i>%1</i>").arg(tr("No undo file: Down cannot undo this version.").toHtmlEscaped());
    m_info->setText(info);

    const auto details = m_details.constFind(entry->fileName);
    if (entry->fileName.isEmpty())
        m_sql->setPlainText(tr("-- The file of this migration is not in the directory any more.\n-- Applied as: %1")
                                .arg(entry->last ? entry->last->script : QString()));
    else if (details == m_details.constEnd())
        m_sql->setPlainText(tr("-- Reading %1…").arg(entry->fileName));
    else if (!details->readError.isEmpty() && details->text.isEmpty())
        m_sql->setPlainText(QStringLiteral("-- ") + details->readError);
    else
        m_sql->setPlainText(details->text);

    const bool changed = entry->state == MigrationState::ChecksumChanged;
    m_tabs->setTabEnabled(1, changed);
    m_tabs->setTabIcon(1, changed ? MigrationStateStyle::icon(entry->state) : QIcon());
    if (changed && details != m_details.constEnd()) {
        m_changes->setHtml(MigrationFileDetailsLoader::changeReportHtml(*entry, *details));
        m_tabs->setCurrentIndex(1);
    } else {
        m_changes->clear();
        m_tabs->setCurrentIndex(0);
    }
}

void MigrationsPage::updateActions()
{
    const bool ready = !m_connection.isEmpty() && !m_running && !m_loading && !m_noDirectory && m_lastReport;
    const MigrationStatusEntry *selected = selectedEntry();
    const auto &entries = m_model->entries();
    auto runnable = [](MigrationState s) {
        return s == MigrationState::Pending || s == MigrationState::Failed || s == MigrationState::Partial;
    };
    bool anyPending = false;
    bool pendingUpToSelected = false;
    bool appliedAboveSelected = false;
    for (const MigrationStatusEntry &e : entries) {
        const bool pending = runnable(e.state) || (e.state == MigrationState::OutOfOrder && m_outOfOrder->isChecked());
        anyPending = anyPending || pending;
        if (selected && selected->version && e.version && e.kind == MigrationKind::Versioned) {
            pendingUpToSelected = pendingUpToSelected || (pending && *e.version <= *selected->version);
            appliedAboveSelected = appliedAboveSelected
                                   || (*e.version > *selected->version && e.state != MigrationState::Pending
                                       && e.state != MigrationState::Failed && e.state != MigrationState::OutOfOrder
                                       && e.state != MigrationState::BelowBaseline);
        }
    }
    m_refresh->setEnabled(!m_connection.isEmpty() && !m_running);
    m_up->setEnabled(ready && anyPending);
    m_upTo->setEnabled(ready && pendingUpToSelected);
    m_downTo->setEnabled(ready && appliedAboveSelected);
    m_validate->setEnabled(ready);
    m_repair->setEnabled(ready);
    m_baseline->setEnabled(ready);
    m_options->setEnabled(!m_running);
}

} // namespace tw::ui
