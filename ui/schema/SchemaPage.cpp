#include "SchemaPage.h"

#include "ErrorText.h"
#include "ObjectDetailsView.h"
#include "SchemaText.h"
#include "SchemaTreeModel.h"
#include "async/Then.h"
#include "catalog/CatalogService.h"
#include "db/ConnectionRegistry.h"
#include "log/Categories.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace tw::ui {

namespace {

// Expanding thousands of ancestors (a one-letter search) costs more than it
// shows; past this many the tree opens the first ones and the rest on demand.
constexpr int kMaxAutoExpand = 1500;

bool isRelation(catalog::ObjectKind kind)
{
    using K = catalog::ObjectKind;
    return kind == K::Table || kind == K::PartitionedTable || kind == K::View || kind == K::MaterializedView
        || kind == K::ForeignTable;
}

} // namespace

SchemaPage::SchemaPage(db::ConnectionRegistry *registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_model(new SchemaTreeModel(this))
    , m_title(new QLabel(this))
    , m_refresh(new QToolButton(this))
    , m_stop(new QToolButton(this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_filterTimer(new QTimer(this))
    , m_tree(new QTreeView(this))
    , m_details(new ObjectDetailsView(this))
{
    setObjectName(QStringLiteral("schemaPage"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Reload the schema (F5)"));
    m_refresh->setAutoRaise(true);
    connect(m_refresh, &QToolButton::clicked, this, &SchemaPage::refresh);

    m_stop->setObjectName(QStringLiteral("schemaStop"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_stop->setToolTip(tr("Stop reading the schema"));
    m_stop->setAutoRaise(true);
    m_stop->hide();
    connect(m_stop, &QToolButton::clicked, this, &SchemaPage::cancelLoad);

    m_busy->setRange(0, 0); // busy indicator: no way to know how far a catalog read is
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status->setObjectName(QStringLiteral("schemaStatus"));

    m_error->setObjectName(QStringLiteral("schemaError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; border: 1px solid #e0a19b; padding: 6px; }"));
    m_error->hide();
    m_problems->setObjectName(QStringLiteral("schemaProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { background: #fff6da; border: 1px solid #e5cf86; padding: 4px; }"));
    m_problems->hide();

    m_search->setObjectName(QStringLiteral("schemaSearch"));
    m_search->setPlaceholderText(tr("Search tables, columns, indexes…"));
    m_search->setClearButtonEnabled(true);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, &SchemaPage::filterChanged);

    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // 5,000 rows in a group: no per-row size queries
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(SchemaTreeModel::NameColumn, 230);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &SchemaPage::showContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &SchemaPage::currentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_details->clear(); });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_refresh);
    header->addStretch(1);
    header->addWidget(m_busy);
    header->addWidget(m_stop);
    header->addWidget(m_status);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tree, 1);

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({440, 620});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_error);
    layout->addWidget(m_problems);
    layout->addWidget(split, 1);
}

SchemaPage::~SchemaPage() = default;

std::shared_ptr<const catalog::Snapshot> SchemaPage::snapshot() const
{
    return m_model->snapshot();
}

void SchemaPage::load(const QString &connection)
{
    if (connection != m_connection) {
        m_connection = connection;
        m_title->setText(connection);
        m_error->hide();
        m_problems->hide();
        m_model->setSnapshot(nullptr);
    }
    refresh();
}

void SchemaPage::refresh()
{
    if (m_connection.isEmpty() || !m_registry)
        return;
    const quint64 generation = ++m_generation;
    const QString connection = m_connection;
    if (m_jobId != 0)
        m_registry->cancel(m_jobConnection, m_jobId); // its answer is stale already
    showLoading(true, tr("Reading the schema of %1…").arg(connection));
    auto job = catalog::startSnapshotLoad(*m_registry, connection);
    m_jobId = job.id;
    m_jobConnection = connection;
    async::then(job.future, this, [this, generation, connection](const Result<catalog::Snapshot> &loaded) {
            // A newer load (or another connection) started meanwhile: this answer is stale.
            if (generation != m_generation)
                return;
            m_jobId = 0;
            showLoading(false);
            if (!loaded.ok()) {
                showError(loaded.error());
                qCWarning(lcUi) << "schema of" << connection << "failed:" << loaded.error().toString();
                emit loadFailed(connection, loaded.error());
                return;
            }
            m_error->hide();
            setSnapshot(std::make_shared<const catalog::Snapshot>(loaded.value()));
            emit snapshotLoaded(connection);
        });
}

void SchemaPage::showSnapshot(const catalog::Snapshot &snapshot)
{
    if (m_jobId != 0)
        m_registry->cancel(m_jobConnection, m_jobId); // whatever is loading now would overwrite this
    m_jobId = 0;
    ++m_generation;
    showLoading(false);
    m_error->hide();
    m_connection = snapshot.connection;
    m_title->setText(snapshot.connection);
    setSnapshot(std::make_shared<const catalog::Snapshot>(snapshot));
}

void SchemaPage::setSnapshot(std::shared_ptr<const catalog::Snapshot> snapshot)
{
    const ViewState state = saveViewState();
    const bool firstShow = !m_model->snapshot();
    QElapsedTimer timer;
    timer.start();
    m_tree->setUpdatesEnabled(false);
    m_model->setSnapshot(snapshot);
    restoreViewState(state);
    // A connection opened for the first time shows its first level open
    // (the schemas, or SQLite's tables) instead of a lone folder to click.
    if (firstShow && state.expanded.isEmpty()) {
        const int top = std::min(m_model->rowCount(), 8);
        for (int row = 0; row < top; ++row)
            m_tree->expand(m_model->index(row, 0));
    }
    m_tree->setUpdatesEnabled(true);
    if (!snapshot)
        return;
    showProblems(*snapshot);
    m_status->setText(tr("%n object(s), read in %1 ms", nullptr, snapshot->objectCount()).arg(snapshot->loadMs));
    qCDebug(lcUi) << "schema tree of" << snapshot->connection << "shown in" << timer.elapsed() << "ms";
}

SchemaPage::ViewState SchemaPage::saveViewState() const
{
    ViewState state;
    if (!m_model->snapshot())
        return state;
    for (const QModelIndex &index : m_model->materialisedIndexes()) {
        if (m_tree->isExpanded(index))
            state.expanded << m_model->pathOf(index);
    }
    state.current = m_model->pathOf(m_tree->currentIndex());
    state.scroll = m_tree->verticalScrollBar()->value();
    return state;
}

void SchemaPage::restoreViewState(const ViewState &state)
{
    // Paths are names, so a node survives a reload that rebuilt every value;
    // nodes that are gone are skipped, and the selection falls back to the
    // nearest ancestor that still exists.
    for (const QStringList &path : state.expanded) {
        const QModelIndex index = m_model->indexOf(path);
        if (index.isValid())
            m_tree->expand(index);
    }
    if (m_search->text().trimmed().isEmpty() == false) {
        const auto paths = m_model->matchAncestorPaths(kMaxAutoExpand);
        for (const QStringList &path : paths)
            m_tree->expand(m_model->indexOf(path));
    }
    QStringList current = state.current;
    QModelIndex index;
    while (!current.isEmpty() && !(index = m_model->indexOf(current)).isValid())
        current.removeLast();
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->verticalScrollBar()->setValue(state.scroll);
    }
}

void SchemaPage::applyFilterNow()
{
    m_filterTimer->stop();
    filterChanged();
}

void SchemaPage::filterChanged()
{
    const QStringList current = m_model->pathOf(m_tree->currentIndex());
    QElapsedTimer timer;
    timer.start();
    m_tree->setUpdatesEnabled(false);
    m_model->setFilterText(m_search->text());
    // Right after a reset the view has not laid out yet, so each expand()
    // only records the index: thousands stay cheap.
    for (const QStringList &path : m_model->matchAncestorPaths(kMaxAutoExpand))
        m_tree->expand(m_model->indexOf(path));
    QModelIndex index = m_model->indexOf(current);
    if (index.isValid()) {
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            m_tree->expand(p);
        m_tree->setCurrentIndex(index);
    }
    m_tree->setUpdatesEnabled(true);
    if (index.isValid())
        m_tree->scrollTo(index);
    if (!m_model->filterText().isEmpty())
        m_status->setText(tr("%n match(es)", nullptr, m_model->matchCount()));
    else if (const auto snapshot = m_model->snapshot())
        m_status->setText(tr("%n object(s), read in %1 ms", nullptr, snapshot->objectCount()).arg(snapshot->loadMs));
    qCDebug(lcUi) << "schema filter" << m_model->filterText() << "took" << timer.elapsed() << "ms";
}

void SchemaPage::cancelLoad()
{
    if (!m_loading)
        return;
    if (m_jobId != 0)
        m_registry->cancel(m_jobConnection, m_jobId);
    m_jobId = 0;
    ++m_generation; // the cancelled job's answer is dropped
    showLoading(false);
    m_status->setText(tr("Reading the schema was stopped."));
}

void SchemaPage::showLoading(bool loading, const QString &text)
{
    m_loading = loading;
    m_busy->setVisible(loading);
    m_stop->setVisible(loading);
    m_refresh->setEnabled(!loading);
    if (loading)
        m_status->setText(text);
}

void SchemaPage::showError(const Error &error)
{
    m_error->setText(ErrorText::html(error));
    m_error->show();
    m_status->setText(tr("The schema could not be read."));
}

void SchemaPage::showProblems(const catalog::Snapshot &snapshot)
{
    if (snapshot.problems.isEmpty()) {
        m_problems->hide();
        return;
    }
    QStringList parts;
    QStringList tips;
    for (const catalog::LoadProblem &problem : snapshot.problems) {
        parts << tr("%1 (%2)").arg(problem.part, problem.error.message());
        tips << problem.part + QLatin1String(": ") + ErrorText::plain(problem.error);
    }
    m_problems->setText(tr("Some parts could not be read: %1").arg(parts.join(QStringLiteral("; "))));
    m_problems->setToolTip(tips.join(QStringLiteral("\n\n")));
    m_problems->show();
}

std::optional<catalog::ObjectRef> SchemaPage::currentRef() const
{
    return m_model->refOf(m_tree->currentIndex());
}

bool SchemaPage::selectRef(const catalog::ObjectRef &ref)
{
    const QModelIndex index = m_model->indexOfRef(ref);
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void SchemaPage::currentChanged()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot) {
        m_details->clear();
        return;
    }
    m_details->showObject(*snapshot, currentRef());
}

void SchemaPage::copyName(const catalog::ObjectRef &ref)
{
    if (const auto snapshot = m_model->snapshot())
        QApplication::clipboard()->setText(SchemaText::quotedName(*snapshot, ref));
}

void SchemaPage::copyDdl(const catalog::ObjectRef &ref)
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot)
        return;
    const Result<QString> ddl = ObjectDetailsView::ddlFor(*snapshot, ref);
    if (ddl.ok())
        QApplication::clipboard()->setText(ddl.value());
    else
        showError(ddl.error());
}

QString SchemaPage::statusText() const
{
    return m_status->text();
}

QString SchemaPage::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QString SchemaPage::problemText() const
{
    return m_problems->isVisibleTo(this) ? m_problems->text() : QString();
}

void SchemaPage::showContextMenu(const QPoint &pos)
{
    const auto ref = m_model->refOf(m_tree->indexAt(pos));
    if (!ref)
        return;
    QMenu menu(this);
    if (isRelation(ref->kind)) {
        QAction *browse = menu.addAction(tr("&Browse Rows"), this,
                                         [this, r = *ref] { emit browseRequested(m_connection, r); });
        // Off until a feature listens (the browser installs and enables it).
        browse->setEnabled(m_browseEnabled);
        menu.addSeparator();
    }
    menu.addAction(tr("Copy &Name"), this, [this, r = *ref] { copyName(r); });
    menu.addAction(tr("Copy &DDL"), this, [this, r = *ref] { copyDdl(r); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace tw::ui
