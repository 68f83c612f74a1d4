#include "SearchDialog.h"

#include "ErrorText.h"
#include "SearchResultsModel.h"
#include "SnippetDelegate.h"
#include "async/Then.h"
#include "db/ConnectionRegistry.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tw::ui {

SearchDialog::SearchDialog(db::ConnectionRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_query(new QLineEdit(this))
    , m_tables(new QComboBox(this))
    , m_search(new QPushButton(tr("&Search"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
    , m_model(new SearchResultsModel(this))
{
    setWindowTitle(tr("Search Database"));
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Text to find in every table"));
    m_query->setMaxLength(data::kMaxSearchTextChars);
    m_query->setClearButtonEnabled(true);
    m_tables->setObjectName(QStringLiteral("searchTables"));
    m_tables->setMinimumContentsLength(18);
    m_tables->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_search->setObjectName(QStringLiteral("searchButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    // Enter in the text field starts a search; no button reacts to it too.
    m_search->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    m_cancel->setEnabled(false);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(SearchResultsModel::SnippetColumn, new SnippetDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Double-click a match to open its table"));

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Find:"), this));
    row->addWidget(m_query, 1);
    row->addWidget(new QLabel(tr("in"), this));
    row->addWidget(m_tables);
    row->addWidget(m_search);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    resize(860, 480);

    connect(m_query, &QLineEdit::returnPressed, this, &SearchDialog::startSearch);
    connect(m_search, &QPushButton::clicked, this, &SearchDialog::startSearch);
    connect(m_cancel, &QPushButton::clicked, this, &SearchDialog::cancel);
    // Not `activated`: whether a double-click activates depends on the platform's style.
    connect(m_view, &QTableView::doubleClicked, this, &SearchDialog::openHit);
}

SearchDialog::~SearchDialog()
{
    if (m_job.id)
        m_registry->cancel(m_connection, m_job.id);
}

void SearchDialog::focusQuery()
{
    m_query->setFocus();
    m_query->selectAll();
}

void SearchDialog::setConnection(const QString &connection)
{
    if (connection == m_connection && !m_tableRefs.isEmpty())
        return;
    cancel();
    m_connection = connection;
    m_model->clear();
    m_status->clear();
    setWindowTitle(tr("Search Database — %1").arg(connection));
    loadTables();
}

void SearchDialog::loadTables()
{
    m_tables->clear();
    m_tables->addItem(tr("All tables"));
    m_tableRefs.clear();
    const quint64 generation = ++m_tablesGeneration;
    const auto listing = data::listSearchableTables(*m_registry, m_connection);
    async::then(listing, this, [this, generation](const Result<QList<catalog::TableRef>> &tables) {
        if (generation != m_tablesGeneration)
            return;
        if (!tables) {
            m_status->setText(ErrorText::plain(tables.error()));
            return;
        }
        m_tableRefs = tables.value();
        for (const catalog::TableRef &table : std::as_const(m_tableRefs))
            m_tables->addItem(table.displayName());
    });
}

void SearchDialog::startSearch()
{
    const QString text = m_query->text().trimmed();
    if (m_connection.isEmpty() || text.isEmpty())
        return;
    if (m_job.id)
        m_registry->cancel(m_connection, m_job.id);

    data::SearchRequest request;
    request.text = text;
    request.budgetMs = m_budgetMs;
    request.perTableLimit = 50;
    request.totalLimit = 500;
    const int chosen = m_tables->currentIndex() - 1;   // 0 is "All tables"
    if (chosen >= 0 && chosen < m_tableRefs.size())
        request.tables = QList<data::SearchScope>{{{m_tableRefs.at(chosen).schema, m_tableRefs.at(chosen).name}, {}}};

    m_model->clear();
    m_status->setText(tr("Searching…"));
    const quint64 generation = ++m_generation;
    m_job = data::startSearch(*m_registry, m_connection, request);
    setRunning(m_job.id != 0 || !m_job.future.isFinished());
    // A copy: a search that already finished runs the continuation inside
    // then(), and the continuation resets m_job; the future's state must
    // outlive then() all the same.
    QFuture<Result<data::SearchResult>> future = m_job.future;
    async::then(future, this, [this, generation](const Result<data::SearchResult> &result) {
        if (generation != m_generation)
            return;   // superseded by a newer search, a cancel or another connection
        m_job = {};
        setRunning(false);
        showResult(result);
        emit searchFinished();
    });
}

void SearchDialog::cancel()
{
    if (!m_job.id)
        return;
    m_registry->cancel(m_connection, m_job.id);
    // Its result, whenever it comes, is no longer wanted.
    ++m_generation;
    m_job = {};
    setRunning(false);
    m_status->setText(tr("Search cancelled."));
    emit searchFinished();
}

void SearchDialog::setRunning(bool running)
{
    m_cancel->setEnabled(running);
}

void SearchDialog::showResult(const Result<data::SearchResult> &result)
{
    if (!result) {
        m_status->setText(result.error().code() == ErrorCode::QueryCancelled ? tr("Search cancelled.")
                                                                             : ErrorText::plain(result.error()));
        return;
    }
    const data::SearchResult &found = result.value();
    m_model->setHits(found.hits);
    m_view->resizeColumnsToContents();
    m_view->horizontalHeader()->setStretchLastSection(true);
    QString text = tr("%n match(es)", nullptr, int(found.hits.size())) + u' '
                   + tr("in %n table(s) searched", nullptr, found.tablesSearched)
                   + tr(" (%1 ms).").arg(found.elapsedMs);
    if (found.truncated)
        text += u' ' + tr("There may be more matches.");
    if (!found.skipped.isEmpty()) {
        QStringList skipped;
        for (const data::SkippedTable &table : found.skipped.mid(0, 5))
            skipped << QStringLiteral("%1 (%2)").arg(table.table, data::skipReasonName(table.reason));
        if (found.skipped.size() > 5)
            skipped << tr("%n more", nullptr, int(found.skipped.size() - 5));
        text += u' ' + tr("Not searched: %1.").arg(skipped.join(QStringLiteral(", ")));
    }
    m_status->setText(text);
}

void SearchDialog::openHit(const QModelIndex &index)
{
    if (const data::SearchHit *hit = m_model->hit(index.row()))
        emit openRequested(m_connection, hit->ref);
}

} // namespace tw::ui
