#include "TableTab.h"

#include "CellDelegate.h"
#include "ErrorText.h"
#include "FilterRow.h"
#include "TableModel.h"
#include "async/Then.h"
#include "data/DataService.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <limits>

namespace tw::ui {

TableTab::TableTab(db::ConnectionRegistry *registry, QString connection, catalog::QualifiedName table,
                   QList<data::Filter> filters, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_connection(std::move(connection))
    , m_table(std::move(table))
    , m_initialFilters(std::move(filters))
    , m_model(new TableModel(registry, this))
    , m_toolbar(new QToolBar(this))
    , m_where(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_filters(new FilterRow(m_view, this))
    , m_delegate(new CellDelegate(m_model, this))
    , m_message(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("tableTab"));
    m_where->setObjectName(QStringLiteral("whereBox"));
    m_where->setPlaceholderText(tr("WHERE … (SQL condition, run read-only)"));
    m_where->setClearButtonEnabled(true);
    connect(m_where, &QLineEdit::returnPressed, this, &TableTab::applyBrowse);

    m_view->setObjectName(QStringLiteral("tableView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        sortBy(column, QApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
    connect(m_view, &QTableView::doubleClicked, this, &TableTab::editCell);
    connect(m_view, &QTableView::customContextMenuRequested, this, &TableTab::contextMenu);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &TableTab::updateStatus);

    m_message->setObjectName(QStringLiteral("messageBar"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_status->setObjectName(QStringLiteral("statusLine"));

    connect(m_filters, &FilterRow::filtersChanged, this, &TableTab::applyBrowse);
    connect(m_model, &TableModel::countChanged, this, [this] {
        updateStatus();
        updateActions(); // Count Rows turns off once the count is exact
    });
    connect(m_model, &TableModel::busyChanged, this, [this] {
        updateStatus();
        updateActions();
    });
    connect(m_model, &TableModel::loadFailed, this, [this](const Error &error) { showError(tr("Loading rows failed"), error); });
    connect(m_model, &TableModel::commitFailed, this, [this](const Error &error) {
        showError(error.code() == ErrorCode::Conflict
                      ? tr("Nothing was written: rows changed since you loaded them (marked). Your edits are kept")
                      : tr("Nothing was written; your edits are kept"),
                  error);
        updateActions();
    });
    connect(m_model, &TableModel::committed, this, [this](const data::CommitOutcome &outcome) {
        showMessage(tr("Committed: %1 updated, %2 inserted, %3 deleted.")
                        .arg(outcome.updated).arg(outcome.inserted).arg(outcome.deleted), false);
        updateActions();
    });
    connect(m_model->undoStack(), &QUndoStack::indexChanged, this, [this] {
        updateActions();
        updateStatus();
    });

    buildActions();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_where);
    layout->addWidget(m_message);
    layout->addWidget(m_filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    updateActions();
    describe();
}

QAction *TableTab::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void TableTab::buildActions()
{
    const auto add = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        // Several tabs live side by side: a shortcut belongs to its own tab.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_toolbar->addAction(add(QStringLiteral("refresh"), tr("Refresh"), QKeySequence(), [this] { reload(); }));
    m_toolbar->addSeparator();
    m_toolbar->addAction(add(QStringLiteral("addRow"), tr("Add Row"), QKeySequence(Qt::CTRL | Qt::Key_Insert),
                             [this] { m_model->insertNewRow(); m_view->scrollToTop(); }));
    m_toolbar->addAction(add(QStringLiteral("deleteRows"), tr("Delete Rows"), QKeySequence(Qt::CTRL | Qt::Key_Delete),
                             [this] { deleteSelectedRows(); }));
    m_toolbar->addAction(add(QStringLiteral("setNull"), tr("Set NULL"), QKeySequence(Qt::ALT | Qt::Key_Delete),
                             [this] { setSelectionNull(); }));
    // Our own actions rather than QUndoStack::createUndoAction(): those
    // re-enable themselves whenever the stack can undo, but an undo while a
    // commit runs would change the stage under the change set being written.
    QAction *undo = add(QStringLiteral("undo"), tr("Undo"), QKeySequence::Undo, [this] {
        if (!m_model->isCommitting())
            m_model->undoStack()->undo();
    });
    QAction *redo = add(QStringLiteral("redo"), tr("Redo"), QKeySequence::Redo, [this] {
        if (!m_model->isCommitting())
            m_model->undoStack()->redo();
    });
    m_toolbar->addAction(undo);
    m_toolbar->addAction(redo);
    m_toolbar->addSeparator();
    m_toolbar->addAction(add(QStringLiteral("commit"), tr("Commit"), QKeySequence::Save, [this] {
        m_message->hide();
        m_model->commit();
        updateActions(); // undo, redo, revert and commit stay off until it ends
    }));
    m_toolbar->addAction(add(QStringLiteral("revert"), tr("Revert"), QKeySequence(), [this] {
        m_model->revert();
        m_message->hide();
    }));
    m_toolbar->addSeparator();
    // Counting may scan the whole table: the same button stops it.
    m_toolbar->addAction(add(QStringLiteral("countRows"), tr("Count Rows"), QKeySequence(), [this] {
        if (m_model->isCounting())
            m_model->cancelExactCount();
        else
            m_model->requestExactCount();
        updateActions();
        updateStatus();
    }));
    m_toolbar->addAction(add(QStringLiteral("rowDetails"), tr("Row Details"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                             [this] {
                                 if (m_view->currentIndex().isValid())
                                     showRowDetails(m_view->currentIndex().row());
                             }));
    m_toolbar->addAction(add(QStringLiteral("goToReferenced"), tr("Go to Referenced Row"), QKeySequence(Qt::CTRL | Qt::Key_G),
                             [this] { goToReferencedRow(m_view->currentIndex()); }));
    m_toolbar->addAction(add(QStringLiteral("clearFilters"), tr("Clear Filters"), QKeySequence(), [this] {
        m_where->clear();
        m_filters->clear();
        applyBrowse();
    }));
    // Both under one toolbar button (the toolbar is long enough); also in the grid's context menu.
    auto *rest = new QMenu(this);
    rest->addAction(add(QStringLiteral("copyRestUrl"), tr("Copy as REST URL"), QKeySequence(), [this] { copyAsRest(false); }));
    rest->addAction(add(QStringLiteral("copyPostgrestJs"), tr("Copy as postgrest-js"), QKeySequence(), [this] { copyAsRest(true); }));
    auto *restButton = new QToolButton(m_toolbar);
    restButton->setObjectName(QStringLiteral("copyAsRestButton"));
    restButton->setText(tr("Copy as REST"));
    restButton->setToolTip(tr("Copy the filters and sort on screen as a REST API request"));
    restButton->setPopupMode(QToolButton::InstantPopup);
    restButton->setMenu(rest);
    m_toolbar->addWidget(restButton);
    add(QStringLiteral("copy"), tr("Copy"), QKeySequence::Copy, [this] { copySelection(); });
    add(QStringLiteral("paste"), tr("Paste"), QKeySequence::Paste, [this] { pasteClipboard(); });
}

void TableTab::describe()
{
    showMessage(tr("Reading the table's columns…"), false);
    async::then(data::describeTable(*m_registry, m_connection, m_table), this, [this](const Result<data::TableShape> &shape) {
        if (!shape) {
            showError(tr("Cannot open %1").arg(m_table.displayName()), shape.error());
            emit failed(m_connection, shape.error());
            return;
        }
        shapeArrived(shape.value());
    });
}

void TableTab::shapeArrived(const data::TableShape &shape)
{
    m_message->hide();
    m_filters->setShape(shape);
    m_filters->setFilters(m_initialFilters);
    // Fit the columns to the first rows once (later pages must not make the
    // grid jump), within bounds so one long text does not push the rest away.
    // The first rows arrive as changed rows or, when the estimate came later,
    // as inserted ones: listen to both. Connected before setTable(): a page
    // that is already done when its continuation is attached lands at once.
    auto fitted = std::make_shared<QList<QMetaObject::Connection>>();
    const auto fit = [this, fitted] {
        if (m_columnsFitted || !m_model->index(0, 0).data(TableModel::IsLoadedRole).toBool())
            return;
        for (const auto &connection : std::as_const(*fitted))
            disconnect(connection);
        QHeaderView *header = m_view->horizontalHeader();
        for (int column = 0; column < m_model->columnCount(); ++column) {
            m_view->resizeColumnToContents(column);
            header->resizeSection(column, std::clamp(header->sectionSize(column), 60, 320));
        }
        m_columnsFitted = true;
    };
    *fitted << connect(m_model, &QAbstractItemModel::dataChanged, this, fit)
            << connect(m_model, &QAbstractItemModel::rowsInserted, this, fit)
            << connect(m_model, &QAbstractItemModel::modelReset, this, fit);
    m_model->setTable(m_connection, shape);
    if (!m_initialFilters.isEmpty())
        m_model->setBrowse(m_initialFilters, {}, {});
    if (!shape.editable)
        showMessage(tr("Read-only: %1").arg(shape.readOnlyReason), false);
    m_ready = true;
    updateActions();
    updateStatus();
    emit ready();
}

void TableTab::reload()
{
    if (!m_ready) {
        describe();
        return;
    }
    applyBrowse();
}

void TableTab::applyBrowse()
{
    if (!m_ready)
        return;
    if (m_filters->hasErrors())
        showMessage(tr("Some filters cannot be read and are left out (hover a red box for why)."), true);
    else
        m_message->hide();
    m_model->setBrowse(m_filters->filters(), m_where->text().trimmed(), m_order);
    updateStatus();
}

void TableTab::setFilters(const QList<data::Filter> &filters)
{
    m_filters->setFilters(filters);
    applyBrowse();
}

void TableTab::sortBy(int column, bool addToSort)
{
    if (!m_ready || column < 0 || column >= m_model->shape().columns.size())
        return;
    const data::ColumnInfo &info = m_model->shape().columns.at(column);
    if (!info.sortable) {
        showMessage(tr("%1 cannot be sorted: its type (%2) has no order.").arg(info.name, info.nativeType), true);
        return;
    }
    // Click: ascending → descending → unsorted. Shift+click adds the column
    // as a further sort key (or flips it when it is one already).
    qsizetype existing = -1;
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        if (m_order.at(i).column == info.name)
            existing = i;
    }
    if (addToSort) {
        if (existing < 0)
            m_order.append({info.name, false});
        else if (!m_order.at(existing).descending)
            m_order[existing].descending = true;
        else
            m_order.removeAt(existing);
    } else {
        const bool wasOnlyAscending = m_order.size() == 1 && existing == 0 && !m_order.constFirst().descending;
        const bool wasOnlyDescending = m_order.size() == 1 && existing == 0 && m_order.constFirst().descending;
        m_order.clear();
        if (wasOnlyAscending)
            m_order.append({info.name, true});
        else if (!wasOnlyDescending)
            m_order.append({info.name, false});
    }
    QHeaderView *header = m_view->horizontalHeader();
    if (m_order.isEmpty()) {
        header->setSortIndicatorShown(false);
    } else {
        header->setSortIndicatorShown(true);
        header->setSortIndicator(m_model->shape().columnIndex(m_order.constFirst().column),
                                 m_order.constFirst().descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    applyBrowse();
}

QString TableTab::statusText() const
{
    return m_status->text();
}

QString TableTab::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void TableTab::updateStatus()
{
    if (!m_ready) {
        m_status->clear();
        return;
    }
    const QLocale locale;
    const qint64 count = m_model->knownRowCount();
    QString rows;
    if (m_model->isCounting())
        rows = count < 0 ? tr("counting rows…") : tr("counting rows… (about %1)").arg(locale.toString(count));
    else if (count < 0)
        rows = tr("row count unknown");
    else if (m_model->countIsExact())
        rows = count <= std::numeric_limits<int>::max() ? tr("%Ln row(s)", nullptr, int(count))
                                                        : tr("%1 rows").arg(locale.toString(count));
    else
        rows = tr("about %1 rows (estimate; Count Rows for the exact number)").arg(locale.toString(count));
    const int first = m_view->rowAt(0);
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    QStringList parts;
    if (first >= 0)
        parts << tr("rows %1–%2").arg(locale.toString(first + 1), locale.toString(last + 1));
    parts << rows;
    if (!m_order.isEmpty()) {
        QStringList keys;
        for (const data::SortKey &key : m_order)
            keys << key.column + (key.descending ? QStringLiteral(" ↓") : QStringLiteral(" ↑"));
        parts << tr("sorted by %1").arg(keys.join(QStringLiteral(", ")));
    }
    if (m_model->hasStagedChanges()) {
        const EditStage &stage = m_model->stage();
        parts << tr("staged: %1").arg(QStringList{tr("%n cell(s) changed", nullptr, stage.updatedCellCount()),
                                                  tr("%n new row(s)", nullptr, stage.newRowCount()),
                                                  tr("%n row(s) to delete", nullptr, stage.deletionCount())}
                                          .join(QStringLiteral(", ")));
    }
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void TableTab::updateActions()
{
    const bool editable = m_ready && m_model->shape().editable;
    const bool staged = m_model->hasStagedChanges();
    for (const char *name : {"addRow", "deleteRows", "setNull", "paste"}) {
        if (QAction *a = action(QLatin1String(name)))
            a->setEnabled(editable);
    }
    if (QAction *a = action(QStringLiteral("commit")))
        a->setEnabled(editable && staged && !m_model->isCommitting());
    const bool committing = m_model->isCommitting();
    if (QAction *a = action(QStringLiteral("revert")))
        a->setEnabled(staged && !committing);
    if (QAction *a = action(QStringLiteral("undo"))) {
        const QString text = m_model->undoStack()->undoText();
        a->setText(text.isEmpty() ? tr("Undo") : tr("Undo %1").arg(text));
        a->setEnabled(m_model->undoStack()->canUndo() && !committing);
    }
    if (QAction *a = action(QStringLiteral("redo"))) {
        const QString text = m_model->undoStack()->redoText();
        a->setText(text.isEmpty() ? tr("Redo") : tr("Redo %1").arg(text));
        a->setEnabled(m_model->undoStack()->canRedo() && !committing);
    }
    for (const char *name : {"copyRestUrl", "copyPostgrestJs"}) {
        if (QAction *a = action(QLatin1String(name)))
            a->setEnabled(m_ready);
    }
    if (QAction *a = action(QStringLiteral("countRows"))) {
        a->setText(m_model->isCounting() ? tr("Stop Counting") : tr("Count Rows"));
        a->setEnabled(m_ready && !(m_model->countIsExact() && !m_model->isCounting()));
    }
}

void TableTab::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; padding: 4px; }")
                                   : QStringLiteral("QLabel { background: #eef3fb; padding: 4px; }"));
    m_message->show();
}

void TableTab::showError(const QString &what, const Error &error)
{
    QString text = QStringLiteral("%1: %2").arg(what, userText(error));
    if (!error.message().isEmpty())
        text += QStringLiteral("\n") + tr("Details: %1").arg(error.message());
    if (!error.hint().isEmpty())
        text += QStringLiteral("\n") + tr("Hint: %1").arg(error.hint());
    showMessage(text, true);
}

} // namespace tw::ui
